// What makes a partnership's RAG deadlines for MASH information requests valid. Each is a whole
// number more than 0, no longer than a MASH request could sensibly wait (a week of hours, 80 office
// hours, 10 working days: more is a typo). And red is never slower than amber, nor amber than
// green. Clocks differ (2 hours round the clock, 6 office hours, 1 working day), so they are
// compared on the one scale that is fair to all three: the moment each would fall due for requests
// made at the same time. Starts every half hour over three weeks of the partnership's own office
// hours are tried, an ordinary week and the Easter weekend among them (the long bank-holiday
// weekend is when a working-hours clock stretches furthest against a round-the-clock one).
import { ClockKind, Rag } from '@wraparound/prisma';
import { z } from 'zod';
import { deadlineFor, isWorkingDay, localTime, type PartnershipCalendar } from '../calendar/workingTime.ts';

export const RAG_MAXIMUM: Readonly<Record<ClockKind, number>> = { CALENDAR_HOURS: 168, WORKING_HOURS: 80, WORKING_DAYS: 10 };
const UNITS: Readonly<Record<ClockKind, [string, string]>> = {
  CALENDAR_HOURS: ['hour', 'hours'], WORKING_HOURS: ['working hour', 'working hours'], WORKING_DAYS: ['working day', 'working days'],
};
export const RAG_ORDER: readonly Rag[] = ['RED', 'AMBER', 'GREEN'];
const FIELD: Readonly<Record<Rag, 'red' | 'amber' | 'green'>> = { RED: 'red', AMBER: 'amber', GREEN: 'green' };

/** "4 working hours", "1 working day". */
export const amountWords = (amount: number, clock: ClockKind) => `${amount} ${UNITS[clock][amount === 1 ? 0 : 1]}`;

const limit = z
  .object({ amount: z.number(), clock: z.enum(ClockKind) })
  .superRefine(({ amount, clock }, ctx) => {
    if (!Number.isInteger(amount) || amount <= 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter a whole number more than 0' });
    else if (amount > RAG_MAXIMUM[clock]) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `A deadline can be at most ${amountWords(RAG_MAXIMUM[clock], clock)}` });
    }
  });

export const ragDeadlineRules = z.object({ red: limit, amber: limit, green: limit });
export type RagDeadlineSettings = z.output<typeof ragDeadlineRules>;

// Monday 23 March 2026 for three weeks: an ordinary week, then Good Friday to Easter Monday.
const SAMPLE_FIRST_DAY = Date.UTC(2026, 2, 23);
const SAMPLE_DAYS = 21;
const SAMPLE_STEP_MINUTES = 30;

const duration = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return `${amountWords(hours, 'CALENDAR_HOURS')}${minutes % 60 ? ` ${minutes % 60} minutes` : ''}`;
};

/**
 * Where a more urgent rating would fall due after a less urgent one made at the same moment: one
 * message per pair, on the more urgent rating's amount, with the moment that shows it.
 */
export function orderProblems(calendar: PartnershipCalendar, settings: RagDeadlineSettings): { path: string[]; message: string }[] {
  const cal = { ...calendar, closureDays: [] };
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: cal.timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const problems: { path: string[]; message: string }[] = [];
  for (const [i, faster] of RAG_ORDER.slice(0, -1).entries()) {
    const slower = RAG_ORDER[i + 1]!;
    const a = settings[FIELD[faster]];
    const b = settings[FIELD[slower]];
    if (a.clock === b.clock) {
      if (a.amount > b.amount) problems.push(problem(faster, slower, `${amountWords(a.amount, a.clock)} is longer than ${amountWords(b.amount, b.clock)}`));
      continue;
    }
    found: for (let day = 0; day < SAMPLE_DAYS; day++) {
      const date = new Date(SAMPLE_FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
      for (let minute = 0; minute < 24 * 60; minute += SAMPLE_STEP_MINUTES) {
        const start = localTime(cal.timeZone, date, minute);
        const dueA = deadlineFor(cal, start, a.amount, a.clock);
        const dueB = deadlineFor(cal, start, b.amount, b.clock);
        if (dueA <= dueB) continue;
        const made = weekday.format(start).replace(' ', ' at ');
        const holiday = bankHoliday(cal, date) ? ' (a bank holiday)' : bankHoliday(cal, nextDay(date)) ? ' before a bank holiday' : '';
        problems.push(problem(faster, slower,
          `a request made on a ${made}${holiday} would be due in ${duration(dueA.getTime() - start.getTime())} as ${faster.toLowerCase()} but in ${duration(dueB.getTime() - start.getTime())} as ${slower.toLowerCase()}`));
        break found;
      }
    }
  }
  return problems;
}

function problem(faster: Rag, slower: Rag, why: string) {
  const name = (r: Rag) => r.charAt(0) + r.slice(1).toLowerCase();
  return { path: ['input', FIELD[faster], 'amount'], message: `${name(faster)} must not be slower than ${slower.toLowerCase()}: ${why}` };
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A weekday that is not a working day (the sample calendar has no closure days of its own). */
function bankHoliday(cal: PartnershipCalendar, date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isWorkingDay(cal, date);
}
