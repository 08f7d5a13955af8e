// The partnership's working calendar, which every working-day clock counts in: office hours, whose
// bank holidays apply, and the partnership's own closure days. Administrator only.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate } from '../app/format.ts';
import { DateInput, ErrorSummary, Radios, Submit, TextInput, emptyDate, errorsOf, fieldErrors, isoDate, required, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner, Table } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { CalendarQuery, CalendarUpdateMutation, calendarOf, type Calendar } from './admin.graphql.ts';

type Input = VariablesOf<typeof CalendarUpdateMutation>['input'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Sends one change; the calendar as it now is, or the problems, keyed by field. */
function useCalendarUpdate(onSaved: (calendar: Calendar, message: string) => void) {
  const [, update] = useMutation(CalendarUpdateMutation);
  return async (input: Input, message: string, fail: (errors: Record<string, string>) => void, field: string) => {
    const answer = (await update({ input })).data?.partnershipCalendarUpdate;
    if (answer?.__typename === 'PartnershipCalendar') onSaved(calendarOf(answer), message);
    else if (answer?.__typename === 'ValidationError') fail(fieldErrors(answer.fieldErrors));
    else fail({ [field]: answer?.message ?? 'The calendar could not be saved. Try again.' });
  };
}

function HoursForm({ calendar, save }: { calendar: Calendar; save: ReturnType<typeof useCalendarUpdate> }) {
  const form = useForm({ officeOpens: calendar.officeOpens, officeCloses: calendar.officeCloses, holidayRegion: calendar.holidayRegion as string });
  const { values, errors, set } = form;
  const onSubmit = form.submit(
    (v) => errorsOf({
      officeOpens: HH_MM.test(v.officeOpens.trim()) ? undefined : 'Enter when the office opens as HH:MM, for example 09:00',
      officeCloses: !HH_MM.test(v.officeCloses.trim()) ? 'Enter when the office closes as HH:MM, for example 17:00'
        : v.officeCloses.trim() <= v.officeOpens.trim() ? 'The office must close after it opens' : undefined,
    }),
    (v) => save({ officeOpens: v.officeOpens.trim(), officeCloses: v.officeCloses.trim(), holidayRegion: v.holidayRegion as Input['holidayRegion'] },
      'Office hours and bank holidays saved', form.fail, 'officeOpens'),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="hours-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="hours-title">Office hours and bank holidays</h2>
      <ErrorSummary errors={errors} />
      <TextInput name="officeOpens" label="Office opens" hint="24-hour clock, for example 09:00" width={5} value={values.officeOpens}
        onChange={(v) => set('officeOpens', v)} error={errors.officeOpens} />
      <TextInput name="officeCloses" label="Office closes" hint="24-hour clock, for example 17:00" width={5} value={values.officeCloses}
        onChange={(v) => set('officeCloses', v)} error={errors.officeCloses} />
      <Radios name="holidayRegion" label="Whose bank holidays apply?" value={values.holidayRegion} onChange={(v) => set('holidayRegion', v)} error={errors.holidayRegion}
        options={[{ value: 'GB_ENG', label: 'England' }, { value: 'GB_WLS', label: 'Wales' }]} />
      <Submit busy={form.busy}>Save office hours</Submit>
    </form>
  );
}

function AddClosureForm({ save }: { save: ReturnType<typeof useCalendarUpdate> }) {
  const form = useForm({ date: emptyDate, description: '' });
  const { values, errors, set } = form;
  const onSubmit = form.submit(
    (v) => errorsOf({
      date: isoDate(v.date) ? undefined : 'Enter the date of the closure, for example 24 12 2026',
      description: required(v.description, 'Enter what the closure is for'),
    }),
    (v) => save({ addClosureDays: [{ date: isoDate(v.date)!, description: v.description.trim() }] }, `Closure on ${formatDate(isoDate(v.date)!)} added`, form.fail, 'date'),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-closure-title">
      <h3 className="govuk-heading-s" id="add-closure-title">Add a closure day</h3>
      <ErrorSummary errors={errors} />
      <DateInput name="date" label="Date" hint="For example, 24 12 2026" value={values.date} onChange={(v) => set('date', v)} error={errors.date} />
      <TextInput name="description" label="What is it for?" value={values.description} onChange={(v) => set('description', v)} error={errors.description} />
      <Submit busy={form.busy} secondary>Add closure day</Submit>
    </form>
  );
}

export function PartnershipCalendar() {
  const [{ data, fetching, error }] = useQuery({ query: CalendarQuery });
  const [saved, setSaved] = useState<{ calendar: Calendar; message: string } | null>(null);
  const [removing, setRemoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useCalendarUpdate((calendar, message) => setSaved({ calendar, message }));

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'The calendar could not be loaded. Try again.' : 'Nothing to show.'} />;
  const calendar = saved?.calendar ?? calendarOf(data.partnershipCalendar);

  const remove = async (date: string) => {
    setRemoving(true);
    setProblem(null);
    await save({ removeClosureDays: [date] }, `Closure on ${formatDate(date)} removed`, (errors) => setProblem(Object.values(errors)[0] ?? null), 'date');
    setRemoving(false);
  };

  return (
    <>
      {saved && <NotificationBanner success>{saved.message}</NotificationBanner>}
      {problem && <ProblemBanner message={problem} />}
      <Page title="Working calendar">
        <p className="govuk-body">Every deadline counted in working days or office hours uses this calendar ({calendar.timeZone}).</p>
        <HoursForm calendar={calendar} save={save} />
        <Table id="closures" caption="Closure days" headings={['Date', 'What it is for', 'Action']} empty="No closure days"
          rows={calendar.closureDays.map((c) => [
            formatDate(c.date),
            c.description,
            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={removing} onClick={() => void remove(c.date)}>
              Remove<span className="govuk-visually-hidden"> the closure on {formatDate(c.date)}</span>
            </button>,
          ])} />
        <AddClosureForm save={save} />
      </Page>
    </>
  );
}
