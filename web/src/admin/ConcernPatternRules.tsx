// Joining the dots, as the partnership sets it: how many organisations, or how many concerns from
// anyone, within how many days, make a pattern the front door is told of, and who there is told.
// The limits are the API's (its field errors show against each field); the roles offered are those
// it serves (the ones who can see patterns).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Checkboxes, ErrorSummary, Submit, TextInput, type Errors, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { wholeNumber } from './clocks.ts';
import { ConcernPatternRulesQuery, ConcernPatternRulesUpdateMutation, type ConcernPatternRules as Rules } from './concernPatternRules.graphql.ts';
import { ROLE_LABELS } from './roles.ts';

type Role = keyof typeof ROLE_LABELS;
const NUMBER_FIELDS = ['organisations', 'concerns', 'windowDays'] as const;
type Draft = Record<(typeof NUMBER_FIELDS)[number], string> & { alertRoles: Role[] };

const label = (role: string) => ROLE_LABELS[role as Role] ?? role;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ConcernPatternRules() {
  const [{ data, fetching, error }] = useQuery({ query: ConcernPatternRulesQuery });
  const [saved, setSaved] = useState<Rules | null>(null);
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'The rules for concern patterns could not be loaded. Try again.' : 'Nothing to show.'} />;
  const rules = saved ?? data.concernPatternRules;
  return <RulesPage key={JSON.stringify(rules)} rules={rules} saved={saved !== null} onSaved={(r) => { setSaved(r); window.scrollTo(0, 0); }} />;
}

function RulesPage({ rules, saved, onSaved }: { rules: Rules; saved: boolean; onSaved(rules: Rules): void }) {
  const form = useForm<Draft>({
    organisations: String(rules.organisations), concerns: String(rules.concerns), windowDays: String(rules.windowDays), alertRoles: [...rules.alertRoles],
  });
  const { values, errors, set } = form;
  const [, update] = useMutation(ConcernPatternRulesUpdateMutation);

  const onSubmit = form.submit(
    (v) => {
      const problems: Errors = {};
      if (wholeNumber(v.organisations) === null) problems.organisations = 'Enter the number of organisations as a whole number, for example 2';
      if (wholeNumber(v.concerns) === null) problems.concerns = 'Enter the number of concerns as a whole number, for example 3';
      if (wholeNumber(v.windowDays) === null) problems.windowDays = 'Enter the number of days as a whole number, for example 30';
      if (v.alertRoles.length === 0) problems.alertRoles = 'Choose at least one role to tell';
      return problems;
    },
    async (v) => {
      const input = { ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, wholeNumber(v[f])!])), alertRoles: v.alertRoles };
      const answer = (await update({ input })).data?.concernPatternRulesUpdate;
      if (answer?.__typename === 'ConcernPatternRules') onSaved({ ...rules, ...answer });
      else if (answer?.__typename === 'ValidationError') form.fail(Object.fromEntries(answer.fieldErrors.map((e) => [e.field, e.message])));
      else form.fail({ organisations: answer?.message ?? 'The rules could not be saved. Try again.' });
    },
  );

  const number = (field: (typeof NUMBER_FIELDS)[number], text: string, hint: string) => (
    <TextInput name={field} label={text} hint={hint} width={5} inputMode="numeric" value={values[field]} onChange={(v) => set(field, v)} error={errors[field]} />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success>Saved. Concerns raised from now on are looked at with these rules.</NotificationBanner>}
        <ErrorSummary errors={errors} />
        <Page title="Concern pattern alerts" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            Joining the dots: when concerns about one child come from several organisations, or several concerns come from anyone, within
            a short time, the front door is told, once for that child in that time, and sees the pattern on its home page.
          </p>
          <h2 className="govuk-heading-m">The rules now</h2>
          <SummaryList rows={[
            ['A pattern is', `concerns from ${plural(rules.organisations, 'organisation', 'organisations')}, or ${plural(rules.concerns, 'concern', 'concerns')} from anyone, within ${plural(rules.windowDays, 'day', 'days')}`],
            ['Told at the front door', rules.alertRoles.map(label).join(', ')],
          ]} />
          <form onSubmit={onSubmit} noValidate aria-labelledby="change-title">
            <h2 className="govuk-heading-m" id="change-title">Change the rules</h2>
            {number('organisations', 'Concerns from this many organisations', 'From 2 to 10, for example 2')}
            {number('concerns', 'Or this many concerns from anyone', 'From 2 to 50, for example 3')}
            {number('windowDays', 'Within this many days', 'From 1 to 365, for example 30')}
            <Checkboxes name="alertRoles" label="Told at the front door" hint="Only roles that can see patterns of concerns can be chosen."
              options={rules.alertRoleChoices.map((r) => ({ value: r, label: label(r) }))} value={values.alertRoles}
              onChange={(v) => set('alertRoles', v as Role[])} error={errors.alertRoles} />
            <Submit busy={form.busy}>Save</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
