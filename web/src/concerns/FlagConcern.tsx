// Flag a concern about a child: what happened and when, in the child's own words, what was done,
// the risk, and whether the DSL knows. Checked field by field here and again by the API.
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { CATEGORY_LABELS } from '../app/format.ts';
import {
  Checkboxes, DateInput, ErrorSummary, Radios, Submit, TextInput, Textarea, emptyDate, errorsOf, fieldErrors, instant, isoDate, pastMomentErrors, required, useForm,
} from '../components/form.tsx';
import { BackLink, ProblemBanner, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { ConcernRaiseMutation } from './concerns.graphql.ts';

type Input = VariablesOf<typeof ConcernRaiseMutation>['input'];

export function FlagConcern() {
  const { childId = '' } = useParams();
  const navigate = useNavigate();
  const [result, raise] = useMutation(ConcernRaiseMutation);
  const form = useForm({
    occurredAt: emptyDate, occurredAtTime: '', categories: [] as string[], summary: '', narrative: '', childsWords: '',
    actionTaken: '', riskLevel: '', dslInformed: '',
  });
  const { values, errors, set } = form;

  const onSubmit = form.submit(
    (v) => ({
      ...pastMomentErrors('occurredAt', v.occurredAt, v.occurredAtTime, 'it happened'),
      ...errorsOf({
        categories: required(v.categories, 'Select at least one category'),
        narrative: required(v.narrative, 'Enter what happened'),
        riskLevel: required(v.riskLevel, 'Select the level of risk'),
        dslInformed: required(v.dslInformed, 'Select yes if the designated safeguarding lead has been told'),
      }),
    }),
    async (v) => {
      const input: Input = {
        childId,
        occurredAt: instant(isoDate(v.occurredAt), v.occurredAtTime)!.toISOString(),
        categories: v.categories as Input['categories'],
        narrative: v.narrative,
        summary: v.summary.trim() || null,
        childsWords: v.childsWords.trim() || null,
        actionTaken: v.actionTaken.trim() || null,
        riskLevel: v.riskLevel as Input['riskLevel'],
        dslInformed: v.dslInformed === 'yes',
      };
      const answer = (await raise({ input })).data?.concernRaise;
      if (answer?.__typename === 'ConcernRaiseSuccess') navigate(`/entries/${answer.concern.entry.id}`, { state: { banner: 'Concern recorded' } });
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ narrative: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>
        <ErrorSummary errors={errors} />
        {result.error && !result.data && <ProblemBanner message="The concern could not be saved. Try again." />}
        <Page title="Flag a concern" hasErrors={Object.keys(errors).length > 0}>
          <WarningText>If a child is in immediate danger, call 999 now, then contact the front door.</WarningText>
          <form onSubmit={onSubmit} noValidate>
            <DateInput name="occurredAt" label="When did it happen?" hint="For example, 27 3 2026" value={values.occurredAt}
              onChange={(v) => set('occurredAt', v)} error={errors.occurredAt} />
            <TextInput name="occurredAtTime" label="Time it happened" hint="Use the 24-hour clock, for example 14:30" width={5}
              value={values.occurredAtTime} onChange={(v) => set('occurredAtTime', v)} error={errors.occurredAtTime} />
            <Checkboxes name="categories" label="What kind of concern is it?" hint="Select all that apply." value={values.categories}
              onChange={(v) => set('categories', v)} error={errors.categories}
              options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
            <TextInput name="summary" label="Summary (optional)" hint="One line for the chronology. If you leave it out, the start of what happened is used."
              value={values.summary} onChange={(v) => set('summary', v)} error={errors.summary} />
            <Textarea name="narrative" label="What happened?" hint="What you saw and heard, and who was there." rows={8}
              value={values.narrative} onChange={(v) => set('narrative', v)} error={errors.narrative} />
            <Textarea name="childsWords" label="The child’s own words (optional)" hint="Write down exactly what the child said."
              value={values.childsWords} onChange={(v) => set('childsWords', v)} error={errors.childsWords} />
            <Textarea name="actionTaken" label="What action have you taken? (optional)" rows={3}
              value={values.actionTaken} onChange={(v) => set('actionTaken', v)} error={errors.actionTaken} />
            <Radios name="riskLevel" label="Level of risk" value={values.riskLevel} onChange={(v) => set('riskLevel', v)} error={errors.riskLevel}
              options={[
                { value: 'LOW', label: 'Low' }, { value: 'MEDIUM', label: 'Medium' }, { value: 'HIGH', label: 'High' },
                { value: 'IMMEDIATE', label: 'Immediate', hint: 'The child is at risk of harm now: call 999 as well' },
              ]} />
            <Radios name="dslInformed" label="Has the designated safeguarding lead been told?" inline value={values.dslInformed}
              onChange={(v) => set('dslInformed', v)} error={errors.dslInformed}
              options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
            <Submit busy={form.busy}>Save concern</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
