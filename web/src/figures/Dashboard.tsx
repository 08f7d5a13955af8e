// The figures a partnership watches (DOMAIN.md), for a period the officer chooses: each as a table
// named by its caption (every figure reads the same to a screen reader as on screen) and, where a
// shape helps, a bar chart of that table beside it (hidden from screen readers: the table says it).
import { useState, type ReactNode } from 'react';
import { useClient } from 'urql';
import { AGENCY_LABELS, formatDate } from '../app/format.ts';
import { DateInput, ErrorSummary, Submit, errorsOf, fieldErrors, isoDate, useForm, type DateParts } from '../components/form.tsx';
import { ProblemBanner, Table } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { BarChart, type Bar } from './BarChart.tsx';
import { FiguresQuery } from './figures.graphql.ts';

type Answer = ResultOf<typeof FiguresQuery>;
type Figures = Extract<Answer['partnershipFigures'], { __typename: 'PartnershipFigures' }>;
type Ladder = Answer['escalationLadder'];

const parts = (d: Date): DateParts => ({ day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) });
const percent = (share: number | null | undefined) => (share == null ? 'None yet' : `${Math.round(share * 100)}%`);
const ofTotal = (part: number, total: number) => (total === 0 ? String(part) : `${part} (${Math.round((part / total) * 100)}%)`);
const share = (part: number, total: number) => (total === 0 ? null : part / total);

/** A table with its chart beside it on wide screens, under it on narrow ones. */
function Charted({ table, chart }: { table: ReactNode; chart: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">{table}</div>
      <div className="govuk-grid-column-one-half">{chart}</div>
    </div>
  );
}

const hours = (h: number | null | undefined) => (h == null ? 'None resolved' : h < 48 ? `${Math.round(h)} hours` : `${(h / 24).toFixed(1)} days`);

function Results({ f, ladder }: { f: Figures; ladder: Ladder }) {
  const stage = (position: number) => ladder?.stages.find((s) => s.position === position)?.label ?? `Stage ${position}`;
  const reason = (code: string) => ladder?.reasonCategories.find((r) => r.code === code)?.label ?? code;
  const d = f.disagreements;
  // "to" is exclusive: the period ends the day before.
  const lastDay = new Date(new Date(f.to).getTime() - 1).toISOString();
  const onTime: Array<[string, number | null]> = [
    ['Referrals decided within one working day', f.referrals.shareDecidedWithinOneWorkingDay ?? null],
    ['Information requests answered within their RAG deadline', share(f.informationRequests.answeredByDueTime, f.informationRequests.answered)],
    ['Disagreements resolved at stage 1', d.shareResolvedAtStageOne ?? null],
    ['Encompass notifications delivered before the next school day', share(f.encompass.deliveredBeforeNextSchoolDay, f.encompass.sent)],
  ];
  const bars = (rows: ReadonlyArray<readonly [string, number]>): Bar[] => rows.map(([label, value]) => ({ label, value }));
  const bySource = f.referrals.bySourceAgencyType.map((r) => [AGENCY_LABELS[r.agencyType] ?? r.agencyType, r.count] as const);
  const openByStage = d.openByCurrentStage.map((s) => [stage(s.position), s.count] as const);
  const resolvedAt = d.resolvedAtStage.map((s) => [stage(s.position), s.count] as const);
  const byReason = d.byReason.map((r) => [reason(r.reasonCode), r.count] as const);
  return (
    <>
      <p className="govuk-body" role="status">Records created from {formatDate(f.from)} to {formatDate(lastDay)}.</p>
      <h2 className="govuk-heading-l">At a glance</h2>
      <Charted
        table={<Table id="on-time" caption="Done on time" headings={['Measure', 'Share']} numeric={[1]}
          rows={onTime.map(([label, value]) => [label, percent(value)])} />}
        chart={<BarChart of="Done on time" max={100} unit="%"
          bars={onTime.filter((row): row is [string, number] => row[1] !== null).map(([label, value]) => ({ label, value: Math.round(value * 100) }))} />} />

      <h2 className="govuk-heading-l">Referrals to children’s social care</h2>
      <Table id="referrals" caption="Referrals and decisions" headings={['Measure', 'Number']} numeric={[1]}
        rows={[
          ['Referrals', f.referrals.total],
          ['Decided', f.referrals.decided],
          ['Decided within one working day', `${f.referrals.decidedWithinTime} (${percent(f.referrals.shareDecidedWithinOneWorkingDay)})`],
        ]} />
      <Charted
        table={<Table id="referrals-by-source" caption="Referrals by source agency" headings={['Agency', 'Referrals']} numeric={[1]} empty="No referrals in this period"
          rows={bySource.map((r) => [...r])} />}
        chart={<BarChart of="Referrals by source agency" bars={bars(bySource)} />} />

      <h2 className="govuk-heading-l">Information requests</h2>
      <Table id="requests" caption="Agencies asked and their answers" headings={['Measure', 'Number']} numeric={[1]}
        rows={[
          ['Agencies asked', f.informationRequests.recipientsAsked],
          ['Answered', f.informationRequests.answered],
          ['Answered within their RAG deadline', ofTotal(f.informationRequests.answeredByDueTime, f.informationRequests.answered)],
          ['Unanswered and overdue now', f.informationRequests.overdueNow],
        ]} />

      <h2 className="govuk-heading-l">Professional disagreements</h2>
      <Table id="disagreements" caption="Disagreements opened and resolved" headings={['Measure', 'Number']} numeric={[1]}
        rows={[
          ['Opened', d.opened],
          ['Resolved', d.resolved],
          ['Resolved at stage 1', percent(d.shareResolvedAtStageOne)],
          ['Time to resolution, median', hours(d.medianHoursToResolution)],
          ['Time to resolution, 90th percentile', hours(d.p90HoursToResolution)],
          ['Stages overdue now', d.stagesOverdueNow],
          ['System issues found', d.systemIssuesFound],
        ]} />
      <Charted
        table={<Table id="open-by-stage" caption="Open disagreements by current stage" headings={['Stage', 'Open']} numeric={[1]} empty="None open"
          rows={openByStage.map((r) => [...r])} />}
        chart={<BarChart of="Open disagreements by current stage" bars={bars(openByStage)} />} />
      <Charted
        table={<Table id="resolved-at-stage" caption="Resolved disagreements by the stage they were resolved at" headings={['Stage', 'Resolved', 'Share']} numeric={[1, 2]} empty="None resolved"
          rows={d.resolvedAtStage.map((s) => [stage(s.position), s.count, percent(s.share)])} />}
        chart={<BarChart of="Resolved disagreements by the stage they were resolved at" bars={bars(resolvedAt)} />} />
      <Charted
        table={<Table id="by-reason" caption="Disagreements by reason" headings={['Reason', 'Opened']} numeric={[1]} empty="None opened"
          rows={byReason.map((r) => [...r])} />}
        chart={<BarChart of="Disagreements by reason" bars={bars(byReason)} />} />
      <Table id="by-agency" caption="Disagreements by the agencies involved" headings={['Raised by', 'Disagreeing with', 'Opened']} numeric={[2]} empty="None opened"
        rows={d.byAgencyPair.map((p) => [AGENCY_LABELS[p.raisingAgencyType], AGENCY_LABELS[p.respondingAgencyType], p.count])} />
      <Table id="themes" caption="Learning themes" headings={['Theme', 'Disagreements']} numeric={[1]} empty="No themes recorded"
        rows={d.themes.map((t) => [t.theme, t.count])} />

      <h2 className="govuk-heading-l">Operation Encompass</h2>
      <Table id="encompass" caption="Notifications to schools" headings={['Measure', 'Number']} numeric={[1]}
        rows={[
          ['Sent', f.encompass.sent],
          ['Delivered before the next school day', ofTotal(f.encompass.deliveredBeforeNextSchoolDay, f.encompass.sent)],
          ['Acknowledged by the school', ofTotal(f.encompass.acknowledged, f.encompass.sent)],
        ]} />
    </>
  );
}

export function Dashboard() {
  const client = useClient();
  const today = new Date();
  const form = useForm({ from: parts(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate())), to: parts(today) });
  const [answer, setAnswer] = useState<{ figures: Figures; ladder: Ladder } | null>(null);
  const [failed, setFailed] = useState(false);
  const { values, errors, set } = form;

  const show = form.submit(
    (v) => {
      const from = isoDate(v.from);
      const to = isoDate(v.to);
      return errorsOf({
        from: from ? undefined : 'Enter the first day, for example 1 4 2026',
        to: !to ? 'Enter the last day, for example 31 3 2027' : from && to < from ? 'The last day must be the same as or after the first day' : undefined,
      });
    },
    async (v) => {
      // The last day counts in full: the API's period ends (exclusively) at the next midnight.
      const to = new Date(`${isoDate(v.to)}T00:00:00`);
      to.setDate(to.getDate() + 1);
      const result = await client.query(FiguresQuery, { from: new Date(`${isoDate(v.from)}T00:00:00`).toISOString(), to: to.toISOString() }).toPromise();
      const figures = result.data?.partnershipFigures;
      setFailed(!figures);
      if (figures?.__typename === 'PartnershipFigures') setAnswer({ figures, ladder: result.data!.escalationLadder });
      else if (figures?.__typename === 'ValidationError') form.fail({ ...fieldErrors(figures.fieldErrors.map((e) => ({ ...e, field: e.field === 'to' ? 'to' : 'from' }))) });
      else if (figures) form.fail({ from: figures.message });
    },
  );

  return (
    <>
      <ErrorSummary errors={errors} />
      {failed && <ProblemBanner message="The figures could not be loaded. Try again." />}
      <Page title="Partnership figures" hasErrors={Object.keys(errors).length > 0}>
        <form onSubmit={show} noValidate className="app-period">
          <DateInput name="from" label="From" value={values.from} onChange={(v) => set('from', v)} error={errors.from} />
          <DateInput name="to" label="To" hint="Records created up to the end of this day; at most three years." value={values.to} onChange={(v) => set('to', v)} error={errors.to} />
          <Submit busy={form.busy} secondary>Show figures</Submit>
        </form>
        {answer && <Results f={answer.figures} ladder={answer.ladder} />}
      </Page>
    </>
  );
}
