// Working time for a partnership: weekends, the bank holidays of England (or Wales) from
// date-holidays, and the partnership's own closure days, in its time zone (Europe/London) so
// deadlines stay at the same local time across the clock changes.
import Holidays from 'date-holidays';

export type ClockKind = 'CALENDAR_HOURS' | 'WORKING_HOURS' | 'WORKING_DAYS';

export interface PartnershipCalendar {
  region: 'GB-ENG' | 'GB-WLS';
  timeZone: string;
  officeOpensMinute: number;
  officeClosesMinute: number;
  closureDays: readonly string[];
  schoolDayStartsMinute?: number;
}

export const DEFAULT_CALENDAR: PartnershipCalendar = {
  region: 'GB-ENG',
  timeZone: 'Europe/London',
  officeOpensMinute: 9 * 60,
  officeClosesMinute: 17 * 60,
  closureDays: [],
};

const HOUR = 3_600_000;
const holidayCache = new Map<string, Set<string>>();

export function bankHolidays(region: 'GB-ENG' | 'GB-WLS', year: number): string[] {
  const key = `${region}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const calendar = new Holidays('GB', region === 'GB-WLS' ? 'WLS' : 'ENG');
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, days);
  }
  return [...days].sort();
}

function isBankHoliday(region: 'GB-ENG' | 'GB-WLS', date: string) {
  bankHolidays(region, Number(date.slice(0, 4)));
  return holidayCache.get(`${region}:${date.slice(0, 4)}`)!.has(date);
}

function check(cal: PartnershipCalendar, at: Date) {
  if (!Number.isFinite(at.getTime())) throw new RangeError('The start time is not a valid date');
  if (cal.officeOpensMinute >= cal.officeClosesMinute) throw new RangeError('Office hours must open before they close');
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(timeZone: string, at: Date) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60 };
}

export function localDate(cal: PartnershipCalendar, at: Date): string {
  return parts(cal.timeZone, at).date;
}

/** The instant that is `minute` minutes after local midnight on `date` in the zone. */
export function localTime(timeZone: string, date: string, minute: number): Date {
  const guess = new Date(`${date}T00:00:00Z`).getTime() + minute * 60_000;
  // The zone's offset at the guess, then once more at the corrected instant (clock changes).
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const seen = parts(timeZone, new Date(instant));
    const seenMs = new Date(`${seen.date}T00:00:00Z`).getTime() + seen.minute * 60_000;
    instant += guess - seenMs;
  }
  return new Date(instant);
}

function nextDate(date: string, by = 1): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(cal: PartnershipCalendar, date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isBankHoliday(cal.region, date) && !cal.closureDays.includes(date);
}

/** Close of business on the Nth working day after the local date of `from`. */
export function addWorkingDays(cal: PartnershipCalendar, from: Date, days: number): Date {
  check(cal, from);
  if (!(days >= 1) || !Number.isInteger(days)) throw new RangeError('A working-day limit must be a whole number of at least 1');
  let date = localDate(cal, from);
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (isWorkingDay(cal, date)) left--;
  }
  return localTime(cal.timeZone, date, cal.officeClosesMinute);
}

/** `hours` of office time from `from`, skipping nights, weekends, bank holidays and closures. */
export function addWorkingHours(cal: PartnershipCalendar, from: Date, hours: number): Date {
  check(cal, from);
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError('A working-hours limit must be more than 0');
  let { date, minute } = parts(cal.timeZone, from);
  let left = hours * 60;
  for (;;) {
    if (isWorkingDay(cal, date) && minute < cal.officeClosesMinute) {
      const start = Math.max(minute, cal.officeOpensMinute);
      const available = cal.officeClosesMinute - start;
      if (left <= available) return localTime(cal.timeZone, date, start + left);
      left -= available;
    }
    date = nextDate(date);
    minute = 0;
  }
}

export function addCalendarHours(from: Date, hours: number): Date {
  if (!Number.isFinite(from.getTime())) throw new RangeError('The start time is not a valid date');
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError('A calendar-hours limit must be more than 0');
  return new Date(from.getTime() + hours * HOUR);
}

export function deadlineFor(cal: PartnershipCalendar, from: Date, amount: number, clock: ClockKind): Date {
  if (!(amount > 0)) throw new RangeError(`A time limit must be more than 0, not ${amount}`);
  switch (clock) {
    case 'WORKING_DAYS': return addWorkingDays(cal, from, amount);
    case 'WORKING_HOURS': return addWorkingHours(cal, from, amount);
    case 'CALENDAR_HOURS': return addCalendarHours(from, amount);
  }
}

/** Office minutes between two instants (for reminders part-way through a working-time limit). */
function officeMinutesBetween(cal: PartnershipCalendar, start: Date, end: Date): number {
  let { date, minute } = parts(cal.timeZone, start);
  const stop = parts(cal.timeZone, end);
  let total = 0;
  while (date <= stop.date) {
    if (isWorkingDay(cal, date)) {
      const from = Math.max(minute, cal.officeOpensMinute);
      const to = date === stop.date ? Math.min(stop.minute, cal.officeClosesMinute) : cal.officeClosesMinute;
      if (to > from) total += to - from;
    }
    date = nextDate(date);
    minute = 0;
  }
  return total;
}

export function pointInLimit(cal: PartnershipCalendar, start: Date, due: Date, fraction: number, clock: ClockKind): Date {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError('The fraction must be between 0 and 1');
  if (clock === 'CALENDAR_HOURS') return new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);
  const minutes = officeMinutesBetween(cal, start, due) * fraction;
  return minutes <= 0 ? start : addWorkingHours(cal, start, minutes / 60);
}

export function workingDaysBetween(cal: PartnershipCalendar, from: Date, to: Date): number {
  let date = localDate(cal, from);
  const end = localDate(cal, to);
  let count = 0;
  while (date < end) {
    date = nextDate(date);
    if (isWorkingDay(cal, date)) count++;
  }
  return count;
}

/** Operation Encompass: the start of the next school day after `from` (weekends and bank holidays skipped). */
export function nextSchoolDayStart(cal: PartnershipCalendar, from: Date): Date {
  check(cal, from);
  const startMinute = cal.schoolDayStartsMinute ?? 510;
  const { date, minute } = parts(cal.timeZone, from);
  if (isWorkingDay(cal, date) && minute < startMinute) return localTime(cal.timeZone, date, startMinute);
  let next = nextDate(date);
  while (!isWorkingDay(cal, next)) next = nextDate(next);
  return localTime(cal.timeZone, next, startMinute);
}
