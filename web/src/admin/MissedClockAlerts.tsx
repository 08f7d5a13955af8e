// Who is told when a clock is missed: a referral undecided at its decision time, an Operation
// Encompass notification unacknowledged by the start of the school day; and who next, after how
// many office hours. The roles offered are those the API serves (the ones that can open the record).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Checkboxes, ErrorSummary, Submit, TextInput, type Errors, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { wholeNumber } from './clocks.ts';
import { MissedClockAlertsQuery, MissedClockAlertsUpdateMutation, type MissedClockAlerts as Settings } from './missedClockAlerts.graphql.ts';
import { ROLE_LABELS } from './roles.ts';

type Role = keyof typeof ROLE_LABELS;
const ROLE_FIELDS = ['referralOverdueRoles', 'referralSeniorRoles', 'encompassOverdueRoles', 'encompassSeniorRoles'] as const;
const HOUR_FIELDS = ['referralSeniorAfterWorkingHours', 'encompassSeniorAfterWorkingHours'] as const;
type Draft = Record<(typeof ROLE_FIELDS)[number], string[]> & Record<(typeof HOUR_FIELDS)[number], string>;

const names = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(', ');
const options = (roles: readonly string[]) => roles.map((r) => ({ value: r, label: ROLE_LABELS[r as Role] ?? r }));

export function MissedClockAlerts() {
  const [{ data, fetching, error }] = useQuery({ query: MissedClockAlertsQuery });
  const [saved, setSaved] = useState<Settings | null>(null);
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'Who is told of missed deadlines could not be loaded. Try again.' : 'Nothing to show.'} />;
  const settings = saved ?? data.missedClockAlerts;
  return <AlertsPage key={JSON.stringify(settings)} settings={settings} saved={saved !== null} onSaved={(s) => { setSaved(s); window.scrollTo(0, 0); }} />;
}

function AlertsPage({ settings, saved, onSaved }: { settings: Settings; saved: boolean; onSaved(settings: Settings): void }) {
  const form = useForm<Draft>({
    referralOverdueRoles: [...settings.referralOverdueRoles], referralSeniorRoles: [...settings.referralSeniorRoles],
    encompassOverdueRoles: [...settings.encompassOverdueRoles], encompassSeniorRoles: [...settings.encompassSeniorRoles],
    referralSeniorAfterWorkingHours: String(settings.referralSeniorAfterWorkingHours),
    encompassSeniorAfterWorkingHours: String(settings.encompassSeniorAfterWorkingHours),
  });
  const { values, errors, set } = form;
  const [, update] = useMutation(MissedClockAlertsUpdateMutation);

  const onSubmit = form.submit(
    (v) => {
      const problems: Errors = {};
      for (const field of ROLE_FIELDS) if (v[field].length === 0) problems[field] = 'Choose at least one role to tell';
      for (const field of HOUR_FIELDS) if (wholeNumber(v[field]) === null) problems[field] = 'Enter the office hours as a whole number, for example 4';
      return problems;
    },
    async (v) => {
      const input = {
        ...Object.fromEntries(ROLE_FIELDS.map((f) => [f, v[f]])),
        ...Object.fromEntries(HOUR_FIELDS.map((f) => [f, wholeNumber(v[f])!])),
      };
      const answer = (await update({ input })).data?.missedClockAlertsUpdate;
      if (answer?.__typename === 'MissedClockAlerts') onSaved({ ...settings, ...answer });
      else if (answer?.__typename === 'ValidationError') form.fail(Object.fromEntries(answer.fieldErrors.map((e) => [e.field, e.message])));
      else form.fail({ referralOverdueRoles: answer?.message ?? 'Who is told could not be saved. Try again.' });
    },
  );

  const roles = (field: (typeof ROLE_FIELDS)[number], label: string, hint: string, choices: readonly string[]) => (
    <Checkboxes name={field} label={label} hint={hint} options={options(choices)} value={values[field]} onChange={(v) => set(field, v)} error={errors[field]} />
  );
  const hours = (field: (typeof HOUR_FIELDS)[number], label: string, hint: string) => (
    <TextInput name={field} label={label} hint={hint} width={5} inputMode="numeric" value={values[field]} onChange={(v) => set(field, v)} error={errors[field]} />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success>Saved. Deadlines missed from now on are told to the people chosen here.</NotificationBanner>}
        <ErrorSummary errors={errors} />
        <Page title="Missed deadline alerts" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            Who is told when a referral passes its decision time without a decision, or an Operation Encompass notification is not
            acknowledged by the start of the school day, and who is told next if it still is not. Office hours follow the partnership’s
            working calendar. Only roles that can open the record can be chosen.
          </p>
          <h2 className="govuk-heading-m">Who is told now</h2>
          <SummaryList rows={[
            ['Referral undecided at its decision time', `${names(settings.referralOverdueRoles)} at the front door`],
            ['Referral still undecided', `${names(settings.referralSeniorRoles)}, ${settings.referralSeniorAfterWorkingHours} office hours later`],
            ['Encompass notification not acknowledged by the start of the school day', `${names(settings.encompassOverdueRoles)} at the school`],
            ['Encompass notification still not acknowledged', `${names(settings.encompassSeniorRoles)} at the police organisation that sent it, ${settings.encompassSeniorAfterWorkingHours} office hours later`],
          ]} />
          <form onSubmit={onSubmit} noValidate aria-labelledby="change-title">
            <h2 className="govuk-heading-m" id="change-title">Change who is told</h2>
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Referrals to the front door</legend>
              {roles('referralOverdueRoles', 'Told when the decision time passes', 'At the front door the referral was made to.', settings.referralRoleChoices)}
              {hours('referralSeniorAfterWorkingHours', 'Office hours later, if still undecided', 'For example, 4')}
              {roles('referralSeniorRoles', 'Then told', 'At the same front door.', settings.referralRoleChoices)}
            </fieldset>
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Operation Encompass notifications</legend>
              {roles('encompassOverdueRoles', 'Told at the start of the school day if not acknowledged', 'At the school.', settings.encompassSchoolRoleChoices)}
              {hours('encompassSeniorAfterWorkingHours', 'Office hours later, if still not acknowledged', 'For example, 2')}
              {roles('encompassSeniorRoles', 'Then told', 'At the police organisation that sent it: its Operation Encompass lead, usually the detective inspector, who can telephone the school.', settings.encompassPoliceRoleChoices)}
            </fieldset>
            <Submit busy={form.busy}>Save</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
