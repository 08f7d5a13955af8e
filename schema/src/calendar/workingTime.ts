// Working time for a partnership: weekends, the bank holidays of England (or Wales) from
// date-holidays, and the partnership's own closure days, all in its time zone (Europe/London) so
// that a deadline stays at the same local time across the March and October clock changes.
// Pure functions: the configured calendar comes from partnershipCalendar.ts.
import Holidays from 'date-holidays';

export type ClockKind = 'CALENDAR_HOURS' | 'WORKING_HOURS' | 'WORKING_DAYS';
export type HolidayRegion = 'GB-ENG' | 'GB-WLS';

export interface PartnershipCalendar {
  region: HolidayRegion;                 // which bank holidays apply
  timeZone: string;                      // 'Europe/London'
  officeOpensMinute: number;             // minutes after local midnight, e.g. 540 = 09:00
  officeClosesMinute: number;            // e.g. 1020 = 17:00
  closureDays: readonly string[];        // extra local dates the partnership is closed, 'YYYY-MM-DD'
  schoolDayStartsMinute?: number;        // default 510 = 08:30
}

export const DEFAULT_CALENDAR: PartnershipCalendar = Object.freeze({
  region: 'GB-ENG',
  timeZone: 'Europe/London',
  officeOpensMinute: 9 * 60,
  officeClosesMinute: 17 * 60,
  closureDays: Object.freeze([]),
});

export const DEFAULT_SCHOOL_DAY_STARTS_MINUTE = 8 * 60 + 30;

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
// Limits are configuration; anything beyond a few years of working time is a typo, and refusing
// it keeps the day-by-day loops below from running for ever.
const MAX_WORKING_DAYS = 1_000;
const MAX_WORKING_HOURS = 10_000;

// ---------------------------------------------------------------------------------------------
// Bank holidays

const STATES: Record<HolidayRegion, string> = { 'GB-ENG': 'ENG', 'GB-WLS': 'WLS' };
const holidayData = new Map<HolidayRegion, Holidays>();
const holidayCache = new Map<string, ReadonlySet<string>>();

/** The region's bank holidays in `year` (computed once per region and year). */
function holidaySet(region: HolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    if (!Object.hasOwn(STATES, region)) throw new RangeError(`Unknown bank-holiday region "${region}" (expected GB-ENG or GB-WLS)`);
    let data = holidayData.get(region);
    if (!data) holidayData.set(region, (data = new Holidays('GB', STATES[region])));
    // Type 'public' is what date-holidays calls the UK bank holidays, substitute days included
    // (the rest are observances such as Mother's Day). A Christmas Day falling on a Saturday is
    // also listed; it is dropped so the list matches gov.uk's, which names only days off.
    days = new Set(
      data.getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .filter((date) => !isWeekend(date)),
    );
    holidayCache.set(key, days);
  }
  return days;
}

/** The region's bank holidays in `year` as gov.uk lists them (weekdays only), sorted. */
export function bankHolidays(region: HolidayRegion, year: number): string[] {
  if (!Number.isInteger(year)) throw new RangeError(`The year must be a whole number, not ${year}`);
  return [...holidaySet(region, year)].sort();
}

// ---------------------------------------------------------------------------------------------
// Local dates and times in a zone, by Intl (no time-zone library)

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date and minute of the day (fractional, to the millisecond) of an instant in `timeZone`. */
export function localDateTime(timeZone: string, at: Date): { date: string; minute: number } {
  checkDate(at);
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) p[part.type] = part.value;
  const minute = (Number(p.hour) % 24) * 60 + Number(p.minute) + Number(p.second) / 60 + at.getUTCMilliseconds() / MINUTE;
  return { date: `${p.year!.padStart(4, '0')}-${p.month}-${p.day}`, minute };
}

/** The zone's offset from UTC at an instant, in milliseconds (+3 600 000 in British Summer Time). */
function offsetAt(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000; // Intl shows whole seconds
  const { date, minute } = localDateTime(timeZone, new Date(whole));
  return Date.parse(`${date}T00:00:00Z`) + Math.round(minute * MINUTE) - whole;
}

/**
 * The instant `minute` minutes after local midnight of `date` in `timeZone`. A local time in the
 * spring gap comes out an hour later (01:30 → 02:30 BST); one repeated in the autumn, the later.
 */
export function localTime(timeZone: string, date: string, minute: number): Date {
  checkDateString(date);
  if (!Number.isFinite(minute)) throw new RangeError(`The minute of the day must be a number, not ${minute}`);
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;
  // The offset at a first guess, then at the instant it gives: they differ only near a clock change.
  const guess = wall - offsetAt(timeZone, wall);
  return new Date(Math.round(wall - offsetAt(timeZone, guess)));
}

/** The local date ('YYYY-MM-DD') of an instant in the partnership's time zone. */
export function localDate(cal: PartnershipCalendar, at: Date): string {
  return localDateTime(cal.timeZone, at).date;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Mon–Fri and not a bank holiday of the region (a school day, term holidays aside). */
function isWeekdayNotBankHoliday(region: HolidayRegion, date: string): boolean {
  return !isWeekend(date) && !holidaySet(region, Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(cal: PartnershipCalendar, date: string): boolean {
  checkDateString(date);
  return workingDay(cal, date);
}

/** isWorkingDay without the check, for the loops below (their dates are well formed). */
function workingDay(cal: PartnershipCalendar, date: string): boolean {
  return isWeekdayNotBankHoliday(cal.region, date) && !cal.closureDays.includes(date);
}

// ---------------------------------------------------------------------------------------------
// Validation

function checkDate(at: Date, what = 'The time'): void {
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw new RangeError(`${what} is not a valid date`);
}

function checkDateString(date: string): void {
  // Round-trip through Date so that '2024-02-30' is refused as well as '30/02/2024'.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  }
}

function checkMinute(minute: number, what: string, max = DAY_MINUTES): void {
  if (!Number.isFinite(minute) || minute < 0 || minute > max) {
    throw new RangeError(`${what} must be a minute of the day between 0 and ${max}, not ${minute}`);
  }
}

function checkOfficeHours(cal: PartnershipCalendar): void {
  checkMinute(cal.officeOpensMinute, 'Office opening');
  checkMinute(cal.officeClosesMinute, 'Office closing');
  if (cal.officeOpensMinute >= cal.officeClosesMinute) {
    throw new RangeError(`Office hours must open before they close (opens at minute ${cal.officeOpensMinute}, closes at ${cal.officeClosesMinute})`);
  }
}

function checkAmount(amount: number, unit: string, max = Infinity): void {
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`A time limit must be more than 0 ${unit}, not ${amount}`);
  if (amount > max) throw new RangeError(`A time limit of ${amount} ${unit} is more than the ${max} allowed`);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/**
 * End of office hours on the Nth working day after the local date of `from` (N >= 1). "Within one
 * working day" of a Monday is Tuesday at close of business; of a Friday, Monday's close (or
 * Tuesday's if Monday is a bank holiday).
 */
export function addWorkingDays(cal: PartnershipCalendar, from: Date, days: number): Date {
  checkDate(from, 'The start');
  checkOfficeHours(cal);
  checkAmount(days, 'working days', MAX_WORKING_DAYS);
  if (!Number.isInteger(days)) throw new RangeError(`A working-day limit must be a whole number of days, not ${days}`);
  let date = localDate(cal, from);
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    if (workingDay(cal, date)) left--;
  }
  return localTime(cal.timeZone, date, cal.officeClosesMinute);
}

/**
 * `hours` of office time counted from `from`: time outside office hours and on non-working days
 * does not count; a start outside office hours starts at the next opening. May be fractional.
 * Office time is read off the local clock, so an office day is always its full length, even on
 * the (Sunday) days the clocks change.
 */
export function addWorkingHours(cal: PartnershipCalendar, from: Date, hours: number): Date {
  checkDate(from, 'The start');
  checkOfficeHours(cal);
  checkAmount(hours, 'working hours', MAX_WORKING_HOURS);
  let { date, minute } = localDateTime(cal.timeZone, from);
  let left = hours * 60;
  for (;;) {
    if (workingDay(cal, date) && minute < cal.officeClosesMinute) {
      const start = Math.max(minute, cal.officeOpensMinute);
      const open = cal.officeClosesMinute - start;
      // `<=`: a limit that uses up the day ends at today's close, not at tomorrow's opening.
      if (left <= open) return localTime(cal.timeZone, date, start + left);
      left -= open;
    }
    date = addDays(date, 1);
    minute = 0;
  }
}

/** Plain elapsed time: 24 calendar hours is 24 real hours, whatever the clocks do. */
export function addCalendarHours(from: Date, hours: number): Date {
  checkDate(from, 'The start');
  checkAmount(hours, 'calendar hours');
  return new Date(from.getTime() + Math.round(hours * 60 * MINUTE));
}

/** One entry point for configured limits: dispatches on the clock kind. amount must be > 0. */
export function deadlineFor(cal: PartnershipCalendar, from: Date, amount: number, clock: ClockKind): Date {
  switch (clock) {
    case 'WORKING_DAYS': return addWorkingDays(cal, from, amount);
    case 'WORKING_HOURS': return addWorkingHours(cal, from, amount);
    case 'CALENDAR_HOURS': return addCalendarHours(from, amount);
    default: throw new RangeError(`Unknown clock kind "${String(clock)}"`);
  }
}

/** Office minutes from `start` to `end` (0 if `end` is not later). */
function officeMinutesBetween(cal: PartnershipCalendar, start: Date, end: Date): number {
  let { date, minute } = localDateTime(cal.timeZone, start);
  const stop = localDateTime(cal.timeZone, end);
  let total = 0;
  for (; date <= stop.date; date = addDays(date, 1), minute = 0) {
    if (!workingDay(cal, date)) continue;
    const from = Math.max(minute, cal.officeOpensMinute);
    const to = Math.min(date === stop.date ? stop.minute : DAY_MINUTES, cal.officeClosesMinute);
    if (to > from) total += to - from;
  }
  return total;
}

/**
 * The point `fraction` (0..1) of the way from `start` to `due`, in the same clock (for reminders
 * at 50% and 80% of a stage): for WORKING_* clocks count only office time, for CALENDAR_HOURS
 * plain time.
 */
export function pointInLimit(cal: PartnershipCalendar, start: Date, due: Date, fraction: number, clock: ClockKind): Date {
  checkDate(start, 'The start');
  checkDate(due, 'The due time');
  if (due < start) throw new RangeError('The due time must not be before the start');
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`The fraction must be between 0 and 1, not ${fraction}`);
  if (fraction === 0) return new Date(start);
  if (fraction === 1) return new Date(due);
  if (clock === 'CALENDAR_HOURS') return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * fraction));
  if (clock !== 'WORKING_DAYS' && clock !== 'WORKING_HOURS') throw new RangeError(`Unknown clock kind "${String(clock)}"`);
  checkOfficeHours(cal);
  const minutes = officeMinutesBetween(cal, start, due) * fraction;
  return minutes > 0 ? addWorkingHours(cal, start, minutes / 60) : new Date(start);
}

/**
 * Working days from `from` to `to` by local dates: the number of working days d with
 * localDate(from) < d <= localDate(to) (0 if `to` is on or before from's date).
 */
export function workingDaysBetween(cal: PartnershipCalendar, from: Date, to: Date): number {
  checkDate(from, 'The start');
  checkDate(to, 'The end');
  const end = localDate(cal, to);
  let count = 0;
  for (let date = addDays(localDate(cal, from), 1); date <= end; date = addDays(date, 1)) {
    if (workingDay(cal, date)) count++;
  }
  return count;
}

/**
 * Operation Encompass: the start of the next school day strictly after `from` — the next
 * weekday that is not a bank holiday, at schoolDayStartsMinute; if `from` is on such a day before
 * its school start, that same day's start. School term holidays are not modelled. The
 * partnership's own closure days are not skipped: schools open when the council's office is
 * closed, and the duty is to the school day, so the earlier deadline is the safe one.
 */
export function nextSchoolDayStart(cal: PartnershipCalendar, from: Date): Date {
  checkDate(from, 'The time');
  const startMinute = cal.schoolDayStartsMinute ?? DEFAULT_SCHOOL_DAY_STARTS_MINUTE;
  checkMinute(startMinute, 'The school day start', DAY_MINUTES - 1);
  const { date, minute } = localDateTime(cal.timeZone, from);
  let day = isWeekdayNotBankHoliday(cal.region, date) && minute < startMinute ? date : addDays(date, 1);
  while (!isWeekdayNotBankHoliday(cal.region, day)) day = addDays(day, 1);
  return localTime(cal.timeZone, day, startMinute);
}
