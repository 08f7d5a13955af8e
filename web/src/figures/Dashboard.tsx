// The figures a partnership watches (docs/domain.md), for a period the officer chooses: each as a table
// named by its caption (every figure reads the same to a screen reader as on screen) and, where a
// shape helps, a bar chart of that table beside it (hidden from screen readers: the table says it).
import { useState, type ReactNode } from 'react';
import { useClient } from 'urql';
import { AGENCY_LABELS, formatDate, formatDateTime } from '../app/format.ts';
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
const percent = (share: number | null | undefined, none = 'None yet') => (share == null ? none : `${Math.round(share * 100)}%`);
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

/** What exactly a figure counts, in plain words: a figure nobody can check is one that can flatter. */
function Counts({ children }: { children: ReactNode }) {
  return <p className="govuk-hint app-counts">{children}</p>;
}

type Measure = readonly [name: string, value: ReactNode, counts: string];

/** A table of measures, each with what it counts beneath its name (in the same cell, so read with it). */
function Measures({ id, caption, unit = 'Number', rows }: { id: string; caption: string; unit?: string; rows: readonly Measure[] }) {
  return (
    <Table id={id} caption={caption} headings={['Measure', unit]} numeric={[1]}
      rows={rows.map(([name, value, counts]) => [<>{name}<Counts>{counts}</Counts></>, value])} />
  );
}

const hours = (h: number | null | undefined) => (h == null ? 'None resolved' : h < 48 ? `${Math.round(h)} hours` : `${(h / 24).toFixed(1)} days`);

/** A figure done on time, by the one rule: what is still not done after its deadline is late, and only what is not yet due is left out. */
interface Timeliness { onTime: number; doneLate: number; overdue: number; pending: number; share: number | null | undefined }

/** How a figure done on time is said: what is counted, "decided" and "undecided", the deadline, and what can never be late. */
interface Words { what: string; done: string; notDone: string; deadline: string; except?: string }

const REFERRAL_WORDS: Words = { what: 'Referrals made in this period.', done: 'decided', notDone: 'undecided', deadline: 'the decision deadline' };
const REQUEST_WORDS: Words = {
  what: 'Agencies asked in this period.', done: 'answered', notDone: 'unanswered', deadline: 'the deadline set by the request’s RAG rating',
  except: 'withdrawn requests',
};
const ENCOMPASS_WORDS: Words = {
  what: 'Notifications sent in this period.', done: 'acknowledged', notDone: 'not acknowledged', deadline: 'the start of the next school day after the incident',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const onTimeDefinition = (w: Words) =>
  `${w.what} On time: ${w.done} by ${w.deadline}. Late: ${w.done} after it, or still ${w.notDone} after it. ` +
  `Left out: ${w.except ? `${w.except} and ` : ''}those not yet due.`;

function timelinessRows(c: Timeliness, w: Words): Measure[] {
  const except = w.except ? `, not counting ${w.except}` : '';
  return [
    [`${capital(w.done)} on time`, c.onTime, `${capital(w.done)} by ${w.deadline}.`],
    [`${capital(w.done)} late`, c.doneLate, `${capital(w.done)} after ${w.deadline}.`],
    [`${capital(w.notDone)} and overdue`, c.overdue, `Still ${w.notDone} after ${w.deadline}${except}. Counted as late.`],
    [`${capital(w.notDone)}, not yet due`, c.pending, `Still ${w.notDone}, before ${w.deadline}${except}. Left out of the share ${w.done} on time.`],
    [`Share ${w.done} on time`, percent(c.share, 'None due yet'),
      `${capital(w.done)} on time, out of those ${w.done} on time, ${w.done} late, or ${w.notDone} and overdue.`],
  ];
}

function Results({ f, ladder }: { f: Figures; ladder: Ladder }) {
  const stage = (position: number) => ladder?.stages.find((s) => s.position === position)?.label ?? `Stage ${position}`;
  const reason = (code: string) => ladder?.reasonCategories.find((r) => r.code === code)?.label ?? code;
  const { referrals: r, referralBacklog: backlog, informationRequests: q, encompass: e, disagreements: d, concernPatterns: c } = f;
  // "to" is exclusive: the period ends the day before.
  const lastDay = new Date(new Date(f.to).getTime() - 1).toISOString();
  const referralTimes = { onTime: r.decidedWithinTime, doneLate: r.decidedLate, overdue: r.undecidedOverdue, pending: r.pendingNotYetDue, share: r.shareDecidedWithinTime };
  const requestTimes = { onTime: q.answeredByDueTime, doneLate: q.answeredLate, overdue: q.overdueNow, pending: q.pendingNotYetDue, share: q.shareAnsweredByDueTime };
  const encompassTimes = {
    onTime: e.acknowledgedBeforeNextSchoolDay, doneLate: e.acknowledgedLate, overdue: e.unacknowledgedOverdue, pending: e.pendingNotYetDue,
    share: e.shareAcknowledgedBeforeNextSchoolDay,
  };
  const onTime: Array<[string, number | null, string]> = [
    ['Referrals decided on time', r.shareDecidedWithinTime ?? null, onTimeDefinition(REFERRAL_WORDS)],
    ['Information requests answered on time', q.shareAnsweredByDueTime ?? null, onTimeDefinition(REQUEST_WORDS)],
    ['Encompass notifications acknowledged on time', e.shareAcknowledgedBeforeNextSchoolDay ?? null, onTimeDefinition(ENCOMPASS_WORDS)],
    ['Encompass notifications delivered before the next school day', share(e.deliveredBeforeNextSchoolDay, e.sent),
      'Notifications sent in this period that reached the school before the next school day started.'],
    ['Disagreements resolved at stage 1', d.shareResolvedAtStageOne ?? null, 'Disagreements raised in this period and resolved: those resolved at the first stage.'],
  ];
  const bars = (rows: ReadonlyArray<readonly [string, number]>): Bar[] => rows.map(([label, value]) => ({ label, value }));
  const bySource = r.bySourceAgencyType.map((s) => [AGENCY_LABELS[s.agencyType] ?? s.agencyType, s.count] as const);
  const overdueBy = [
    ['Overdue by less than 1 day', backlog.overdueUnderOneDay, 'Less than 24 hours past the decision deadline.'],
    ['Overdue by 1 to 7 days', backlog.overdueOneToSevenDays, 'From 24 hours to 7 days past the decision deadline.'],
    ['Overdue by more than 7 days', backlog.overdueOverSevenDays, 'More than 7 days past the decision deadline.'],
  ] as const;
  const openByStage = d.openByCurrentStage.map((s) => [stage(s.position), s.count] as const);
  const resolvedAt = d.resolvedAtStage.map((s) => [stage(s.position), s.count] as const);
  const byReason = d.byReason.map((c) => [reason(c.reasonCode), c.count] as const);
  return (
    <>
      <p className="govuk-body" role="status">Records created from {formatDate(f.from)} to {formatDate(lastDay)}.</p>
      <h2 className="govuk-heading-l">At a glance</h2>
      <Charted
        table={<Measures id="on-time" caption="Done on time" unit="Share" rows={onTime.map(([name, value, counts]) => [name, percent(value), counts])} />}
        chart={<BarChart of="Done on time" max={100} unit="%"
          bars={onTime.flatMap(([label, value]) => (value === null ? [] : [{ label, value: Math.round(value * 100) }]))} />} />

      <h2 className="govuk-heading-l">Referrals to children’s social care</h2>
      <Measures id="referrals" caption="Referrals and decisions"
        rows={[
          ['Referrals', r.total, REFERRAL_WORDS.what],
          ...timelinessRows(referralTimes, REFERRAL_WORDS),
        ]} />
      <Charted
        table={<>
          <Measures id="backlog" caption="Referrals waiting for a decision now"
            rows={[
              ['Waiting for a decision', backlog.awaitingDecision,
                `Every referral still waiting for a decision at ${formatDateTime(f.asOf)}, whenever it was made: not only those made in this period.`],
              ['Overdue', backlog.overdue, 'Of those, the ones past their decision deadline.'],
              ...overdueBy,
            ]} />
          <Counts>Time overdue is calendar time since the decision deadline, weekends and bank holidays included.</Counts>
        </>}
        chart={<BarChart of="Referrals waiting for a decision now" bars={bars(overdueBy.map(([label, value]) => [label, value] as const))} />} />
      <Charted
        table={<>
          <Table id="referrals-by-source" caption="Referrals by source agency" headings={['Agency', 'Referrals']} numeric={[1]} empty="No referrals in this period"
            rows={bySource.map((s) => [...s])} />
          <Counts>Referrals made in this period, by the type of agency that made them.</Counts>
        </>}
        chart={<BarChart of="Referrals by source agency" bars={bars(bySource)} />} />

      <h2 className="govuk-heading-l">Information requests</h2>
      <Measures id="requests" caption="Agencies asked and their answers"
        rows={[
          ['Agencies asked', q.recipientsAsked, 'Each agency asked in a request made in this period.'],
          ...timelinessRows(requestTimes, REQUEST_WORDS),
        ]} />

      <h2 className="govuk-heading-l">Professional disagreements</h2>
      <Measures id="disagreements" caption="Disagreements opened and resolved"
        rows={[
          ['Opened', d.opened, 'Disagreements raised in this period.'],
          ['Resolved', d.resolved, 'Of those, the ones resolved so far.'],
          ['Resolved at stage 1', percent(d.shareResolvedAtStageOne), 'Of those resolved, the share resolved at the first stage.'],
          ['Time to resolution, median', hours(d.medianHoursToResolution), 'Calendar time from raising to resolution: half of those resolved took less, half took more.'],
          ['Time to resolution, 90th percentile', hours(d.p90HoursToResolution), 'Calendar time from raising to resolution that 9 in 10 of those resolved took or less.'],
          ['Stages overdue now', d.stagesOverdueNow, 'Open stages past their deadline now, whenever the disagreement was raised.'],
          ['System issues found', d.systemIssuesFound, 'Disagreements raised in this period whose resolution found a problem in how agencies work together.'],
        ]} />
      <Charted
        table={<>
          <Table id="open-by-stage" caption="Open disagreements by current stage" headings={['Stage', 'Open']} numeric={[1]} empty="None open"
            rows={openByStage.map((s) => [...s])} />
          <Counts>Disagreements raised in this period and still open, by the stage they have reached.</Counts>
        </>}
        chart={<BarChart of="Open disagreements by current stage" bars={bars(openByStage)} />} />
      <Charted
        table={<>
          <Table id="resolved-at-stage" caption="Resolved disagreements by the stage they were resolved at" headings={['Stage', 'Resolved', 'Share']} numeric={[1, 2]} empty="None resolved"
            rows={d.resolvedAtStage.map((s) => [stage(s.position), s.count, percent(s.share)])} />
          <Counts>Disagreements raised in this period and resolved, by the stage they were resolved at.</Counts>
        </>}
        chart={<BarChart of="Resolved disagreements by the stage they were resolved at" bars={bars(resolvedAt)} />} />
      <Charted
        table={<>
          <Table id="by-reason" caption="Disagreements by reason" headings={['Reason', 'Opened']} numeric={[1]} empty="None opened"
            rows={byReason.map((c) => [...c])} />
          <Counts>Disagreements raised in this period, by the reason given for disagreeing.</Counts>
        </>}
        chart={<BarChart of="Disagreements by reason" bars={bars(byReason)} />} />
      <Table id="by-agency" caption="Disagreements by the agencies involved" headings={['Raised by', 'Disagreeing with', 'Opened']} numeric={[2]} empty="None opened"
        rows={d.byAgencyPair.map((p) => [AGENCY_LABELS[p.raisingAgencyType], AGENCY_LABELS[p.respondingAgencyType], p.count])} />
      <Counts>Disagreements raised in this period, by the type of agency that raised them and the type whose decision they challenged.</Counts>
      <Table id="themes" caption="Learning themes" headings={['Theme', 'Disagreements']} numeric={[1]} empty="No themes recorded"
        rows={d.themes.map((t) => [t.theme, t.count])} />
      <Counts>Themes recorded when disagreements raised in this period were resolved. A disagreement counts once for each theme it names.</Counts>

      <h2 className="govuk-heading-l">Operation Encompass</h2>
      <Measures id="encompass" caption="Notifications to schools"
        rows={[
          ['Sent', e.sent, 'Notifications sent to schools in this period.'],
          ['Delivered before the next school day', ofTotal(e.deliveredBeforeNextSchoolDay, e.sent), 'Reached the school before the next school day after the incident started.'],
          ...timelinessRows(encompassTimes, ENCOMPASS_WORDS),
        ]} />

      <h2 className="govuk-heading-l">Joining the dots</h2>
      <Measures id="concern-patterns" caption="Patterns of concerns about a child"
        rows={[
          ['Found', c.found, 'Concerns about one child from several organisations, or several concerns, within the partnership’s window, found in this period. Each alerted the front door once.'],
          ['Looked at', ofTotal(c.lookedAt, c.found), 'Of those, the ones someone at the front door has marked as looked at.'],
          ['Median time to look', c.medianHoursToLook == null ? 'None looked at' : hours(c.medianHoursToLook), 'From the pattern being found to the first look, for those looked at.'],
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
