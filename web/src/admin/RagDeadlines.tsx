// The partnership's RAG deadlines for MASH information requests: how long the agencies asked have
// to answer a red, amber or green request, each as an amount and how it is counted, with a preview
// of when a request made now would be due. All three are saved together (the API checks red is
// never slower than amber, nor amber than green). Requests already made keep their deadlines.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { ErrorSummary, Select, Submit, TextInput, type Errors, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { CLOCKS, limitWords, wholeNumber, type Clock } from './clocks.ts';
import { LadderPreviewQuery } from './ladder.graphql.ts';
import { RagDeadlinesQuery, RagDeadlinesUpdateMutation, type RagDeadline } from './ragDeadlines.graphql.ts';

const RATINGS = [
  { key: 'red', rag: 'RED', name: 'Red' },
  { key: 'amber', rag: 'AMBER', name: 'Amber' },
  { key: 'green', rag: 'GREEN', name: 'Green' },
] as const;
type Key = (typeof RATINGS)[number]['key'];
type Draft = Record<Key, { amount: string; clock: Clock }>;

function draftOf(deadlines: readonly RagDeadline[]): Draft {
  const of = (rag: string) => deadlines.find((d) => d.rag === rag);
  return Object.fromEntries(RATINGS.map(({ key, rag }) => [key, { amount: String(of(rag)?.amount ?? ''), clock: of(rag)?.clock ?? 'CALENDAR_HOURS' }])) as Draft;
}

/** "Red: 4 working hours", and when a request made now would be due. */
function Preview({ name, amount, clock }: { name: string; amount: number | null; clock: Clock }) {
  const valid = amount !== null && amount > 0;
  const [{ data }] = useQuery({ query: LadderPreviewQuery, variables: { stageLimit: { amount: amount ?? 1, clock } }, pause: !valid });
  const preview = data?.escalationLadderPreview;
  let text = `${name}: enter a whole number more than 0 to see when a request would be due.`;
  if (valid) {
    text = `${name}: ${limitWords(amount, clock)}.`;
    if (preview?.__typename === 'LadderDeadlinePreview') text += ` ${name === 'Amber' ? 'An' : 'A'} ${name.toLowerCase()} request made now would be due by ${formatDateTime(preview.dueAt)}.`;
  }
  return <div className="govuk-inset-text" aria-live="polite" data-preview={name}>{text}</div>;
}

export function RagDeadlines() {
  const [{ data, fetching, error }] = useQuery({ query: RagDeadlinesQuery });
  const [saved, setSaved] = useState<readonly RagDeadline[] | null>(null);
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'The RAG deadlines could not be loaded. Try again.' : 'Nothing to show.'} />;
  const deadlines = saved ?? data.ragDeadlines;
  return <DeadlinesPage key={JSON.stringify(deadlines)} deadlines={deadlines} saved={saved !== null} onSaved={(d) => { setSaved(d); window.scrollTo(0, 0); }} />;
}

function DeadlinesPage({ deadlines, saved, onSaved }: { deadlines: readonly RagDeadline[]; saved: boolean; onSaved(deadlines: readonly RagDeadline[]): void }) {
  const form = useForm(draftOf(deadlines));
  const { values, errors, set } = form;
  const [, update] = useMutation(RagDeadlinesUpdateMutation);

  const onSubmit = form.submit(
    (v) => {
      const problems: Errors = {};
      for (const { key, name } of RATINGS) {
        if (wholeNumber(v[key].amount) === null) problems[`${key}.amount`] = `Enter the ${name.toLowerCase()} deadline as a whole number, for example 4`;
      }
      return problems;
    },
    async (v) => {
      const limit = (key: Key) => ({ amount: wholeNumber(v[key].amount)!, clock: v[key].clock });
      const answer = (await update({ input: { red: limit('red'), amber: limit('amber'), green: limit('green') } })).data?.ragDeadlinesUpdate;
      if (answer?.__typename === 'RagDeadlinesUpdateSuccess') onSaved(answer.ragDeadlines);
      else if (answer?.__typename === 'ValidationError') {
        // ['input', 'red', 'amount'] is this form's red.amount.
        const problems: Errors = {};
        for (const { path, message } of answer.fieldErrors) problems[path.slice(1).join('.') || 'red.amount'] ??= message;
        form.fail(problems);
      } else form.fail({ 'red.amount': answer?.message ?? 'The RAG deadlines could not be saved. Try again.' });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success>RAG deadlines saved. New information requests get them; requests already made keep their deadlines.</NotificationBanner>}
        <ErrorSummary errors={errors} />
        <Page title="RAG deadlines" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            How long the agencies asked have to answer a MASH information request of each rating. Working hours and working days follow the
            partnership’s working calendar.
          </p>
          <h2 className="govuk-heading-m">Deadlines now</h2>
          <SummaryList rows={RATINGS.map(({ rag, name }) => [name, deadlines.find((d) => d.rag === rag)?.description ?? 'Not set'])} />
          <form onSubmit={onSubmit} noValidate aria-labelledby="change-title">
            <h2 className="govuk-heading-m" id="change-title">Change the deadlines</h2>
            <p className="govuk-body">Red must never be slower than amber, nor amber than green, for requests made at the same time.</p>
            {RATINGS.map(({ key, name }) => (
              <fieldset key={key} className="govuk-fieldset govuk-!-margin-bottom-6">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
                <TextInput name={`${key}.amount`} label={`${name} deadline`} width={5} inputMode="numeric" value={values[key].amount}
                  onChange={(amount) => set(key, { ...values[key], amount })} error={errors[`${key}.amount`]} />
                <Select name={`${key}.clock`} label={`${name} counted in`} value={values[key].clock} options={CLOCKS}
                  onChange={(clock) => set(key, { ...values[key], clock: clock as Clock })} error={errors[`${key}.clock`]} />
                <Preview name={name} amount={wholeNumber(values[key].amount)} clock={values[key].clock} />
              </fieldset>
            ))}
            <Submit busy={form.busy}>Save RAG deadlines</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
