// The partnership's working-time calendar against known dates: bank holidays (with substitute days
// and the 2022–2023 one-offs), weekends, the clock changes, office hours and Operation Encompass.
import { describe, it, expect } from 'vitest';
import {
  DEFAULT_CALENDAR,
  type PartnershipCalendar,
  addCalendarHours,
  addWorkingDays,
  addWorkingHours,
  bankHolidays,
  deadlineFor,
  isWorkingDay,
  localDate,
  localTime,
  nextSchoolDayStart,
  pointInLimit,
  workingDaysBetween,
} from '../../../schema/src/calendar/workingTime.ts';

const cal = DEFAULT_CALENDAR;
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('bank holidays', () => {
  it('lists 2022 in England exactly as gov.uk does, the one-offs and substitute days included', () => {
    expect(bankHolidays('GB-ENG', 2022)).toEqual([
      '2022-01-03', // New Year's Day (substitute: 1 Jan was a Saturday)
      '2022-04-15', '2022-04-18',
      '2022-05-02',
      '2022-06-02', // Spring bank holiday, moved from the last Monday in May
      '2022-06-03', // Platinum Jubilee
      '2022-08-29',
      '2022-09-19', // the Queen's funeral
      '2022-12-26', // Boxing Day (Monday)
      '2022-12-27', // Christmas Day (substitute: 25 Dec was a Sunday)
    ]);
  });

  it('has the Coronation in 2023, and 2020 and 2021 Christmas substitute days', () => {
    expect(bankHolidays('GB-ENG', 2023)).toContain('2023-05-08');
    expect(bankHolidays('GB-ENG', 2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
    // 2020: Christmas on a Friday, Boxing Day on a Saturday, substitute Monday 28th.
    expect(bankHolidays('GB-ENG', 2020).slice(-2)).toEqual(['2020-12-25', '2020-12-28']);
    // 2020's early May bank holiday moved to Friday 8 May for VE Day.
    expect(bankHolidays('GB-ENG', 2020)).toContain('2020-05-08');
    expect(bankHolidays('GB-ENG', 2020)).not.toContain('2020-05-04');
  });

  it('has Easter 2024 (Good Friday 29 March, Easter Monday 1 April)', () => {
    expect(bankHolidays('GB-ENG', 2024)).toEqual([
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
    ]);
  });

  it('works for Wales, whose bank holidays are the same as England’s in 2020–2024', () => {
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      expect(bankHolidays('GB-WLS', year)).toEqual(bankHolidays('GB-ENG', year));
    }
    expect(bankHolidays('GB-WLS', 2022)).toContain('2022-09-19');
  });

  it('returns a copy each time (the cache cannot be changed by a caller)', () => {
    const first = bankHolidays('GB-ENG', 2024);
    first.push('2024-07-01');
    expect(bankHolidays('GB-ENG', 2024)).not.toContain('2024-07-01');
  });

  it('refuses an unknown region or a fractional year', () => {
    expect(() => bankHolidays('GB-SCT' as 'GB-ENG', 2024)).toThrow(RangeError);
    expect(() => bankHolidays('GB-ENG', 2024.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is false at weekends, on bank holidays and substitute days, true otherwise', () => {
    const days: Record<string, boolean> = {
      '2024-03-08': true, // Friday
      '2024-03-09': false, // Saturday
      '2024-03-10': false, // Sunday
      '2024-03-29': false, // Good Friday
      '2024-04-01': false, // Easter Monday
      '2024-04-02': true,
      '2022-06-02': false, // moved Spring bank holiday
      '2022-06-03': false, // Platinum Jubilee
      '2022-09-19': false, // Queen's funeral
      '2023-05-08': false, // Coronation
      '2022-12-26': false,
      '2022-12-27': false,
      '2022-12-28': true,
      '2021-12-27': false,
      '2021-12-28': false,
      '2021-12-29': true,
      '2020-12-25': false,
      '2020-12-28': false,
      '2020-12-29': true,
    };
    for (const [date, working] of Object.entries(days)) expect([date, isWorkingDay(cal, date)]).toEqual([date, working]);
  });

  it('honours closure days: a Welsh partnership closed on St David’s Day', () => {
    const wales: PartnershipCalendar = { ...cal, region: 'GB-WLS', closureDays: ['2024-03-01'] };
    expect(isWorkingDay(wales, '2024-03-01')).toBe(false);
    expect(isWorkingDay(cal, '2024-03-01')).toBe(true);
    expect(isWorkingDay(wales, '2024-04-01')).toBe(false); // Easter Monday in Wales too
    // Thursday 29 Feb + 1 working day: Friday for England, Monday for the closed Welsh office.
    expect(iso(addWorkingDays(cal, at('2024-02-29T10:00:00Z'), 1))).toBe('2024-03-01T17:00:00.000Z');
    expect(iso(addWorkingDays(wales, at('2024-02-29T10:00:00Z'), 1))).toBe('2024-03-04T17:00:00.000Z');
  });

  it('refuses a malformed or impossible date', () => {
    expect(() => isWorkingDay(cal, '01/03/2024')).toThrow(/YYYY-MM-DD/);
    expect(() => isWorkingDay(cal, '2024-02-30')).toThrow(RangeError);
  });
});

describe('local dates and times in Europe/London', () => {
  it('reads the local date, which differs from the UTC date late in the evening in summer', () => {
    expect(localDate(cal, at('2024-06-03T23:30:00Z'))).toBe('2024-06-04'); // 00:30 BST
    expect(localDate(cal, at('2024-01-08T23:30:00Z'))).toBe('2024-01-08'); // 23:30 GMT
  });

  it('turns a local date and minute into the right instant either side of each clock change', () => {
    expect(iso(localTime('Europe/London', '2024-03-30', 540))).toBe('2024-03-30T09:00:00.000Z');
    expect(iso(localTime('Europe/London', '2024-03-31', 540))).toBe('2024-03-31T08:00:00.000Z');
    expect(iso(localTime('Europe/London', '2024-03-31', 30))).toBe('2024-03-31T00:30:00.000Z'); // before 01:00 GMT
    expect(iso(localTime('Europe/London', '2024-03-31', 90))).toBe('2024-03-31T01:30:00.000Z'); // 01:30 does not exist: 02:30 BST
    expect(iso(localTime('Europe/London', '2024-10-26', 540))).toBe('2024-10-26T08:00:00.000Z');
    expect(iso(localTime('Europe/London', '2024-10-27', 30))).toBe('2024-10-26T23:30:00.000Z'); // still BST
    expect(iso(localTime('Europe/London', '2024-10-27', 540))).toBe('2024-10-27T09:00:00.000Z');
    expect(iso(localTime('America/New_York', '2024-03-11', 540))).toBe('2024-03-11T13:00:00.000Z');
  });

  it('refuses an invalid date', () => {
    expect(() => localDate(cal, new Date('not a date'))).toThrow(RangeError);
  });
});

describe('addWorkingDays (close of business on the Nth working day after)', () => {
  it('within one working day of a Monday is Tuesday 17:00', () => {
    expect(iso(addWorkingDays(cal, at('2024-03-04T10:00:00Z'), 1))).toBe('2024-03-05T17:00:00.000Z');
  });

  it('spans a weekend: Friday + 1 is Monday, Saturday + 1 is Monday, Friday + 5 is next Friday', () => {
    expect(iso(addWorkingDays(cal, at('2024-03-08T14:00:00Z'), 1))).toBe('2024-03-11T17:00:00.000Z');
    expect(iso(addWorkingDays(cal, at('2024-03-09T12:00:00Z'), 1))).toBe('2024-03-11T17:00:00.000Z');
    expect(iso(addWorkingDays(cal, at('2024-03-08T14:00:00Z'), 5))).toBe('2024-03-15T17:00:00.000Z');
  });

  it('skips a bank-holiday Monday: Friday + 1 is Tuesday', () => {
    expect(iso(addWorkingDays(cal, at('2024-05-03T09:00:00Z'), 1))).toBe('2024-05-07T16:00:00.000Z');
  });

  it('skips Christmas and Boxing Day and their substitute days', () => {
    // 2022: Mon 26 and Tue 27 off.
    expect(iso(addWorkingDays(cal, at('2022-12-23T12:00:00Z'), 1))).toBe('2022-12-28T17:00:00.000Z');
    // 2021: Mon 27 and Tue 28 off.
    expect(iso(addWorkingDays(cal, at('2021-12-24T12:00:00Z'), 1))).toBe('2021-12-29T17:00:00.000Z');
    // 2020: Fri 25 and Mon 28 off.
    expect(iso(addWorkingDays(cal, at('2020-12-24T12:00:00Z'), 1))).toBe('2020-12-29T17:00:00.000Z');
  });

  it('skips the 2022 and 2023 one-off bank holidays', () => {
    // Wed 1 June 2022: Thu 2 and Fri 3 off.
    expect(iso(addWorkingDays(cal, at('2022-06-01T10:00:00Z'), 1))).toBe('2022-06-06T16:00:00.000Z');
    // Fri 16 Sept 2022: Mon 19 off.
    expect(iso(addWorkingDays(cal, at('2022-09-16T10:00:00Z'), 1))).toBe('2022-09-20T16:00:00.000Z');
    // Fri 5 May 2023: Mon 8 off.
    expect(iso(addWorkingDays(cal, at('2023-05-05T10:00:00Z'), 1))).toBe('2023-05-09T16:00:00.000Z');
  });

  it('lands at 17:00 local across the March change (Easter 2024): 17:00Z before it, 16:00Z after', () => {
    expect(iso(addWorkingDays(cal, at('2024-03-27T10:00:00Z'), 1))).toBe('2024-03-28T17:00:00.000Z');
    expect(iso(addWorkingDays(cal, at('2024-03-27T10:00:00Z'), 2))).toBe('2024-04-02T16:00:00.000Z');
  });

  it('lands at 17:00 local across the October change: 16:00Z before it, 17:00Z after', () => {
    expect(iso(addWorkingDays(cal, at('2024-10-24T09:00:00Z'), 1))).toBe('2024-10-25T16:00:00.000Z');
    expect(iso(addWorkingDays(cal, at('2024-10-25T09:00:00Z'), 1))).toBe('2024-10-28T17:00:00.000Z');
  });

  it('counts from the local date: 00:30 BST on Tuesday is Tuesday, though still Monday in UTC', () => {
    expect(iso(addWorkingDays(cal, at('2024-06-03T23:30:00Z'), 1))).toBe('2024-06-05T16:00:00.000Z');
  });

  it('refuses zero, negative or fractional days and bad office hours', () => {
    expect(() => addWorkingDays(cal, at('2024-03-04T10:00:00Z'), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, at('2024-03-04T10:00:00Z'), 1.5)).toThrow(/whole number/);
    expect(() => addWorkingDays({ ...cal, officeOpensMinute: 1020, officeClosesMinute: 540 }, at('2024-03-04T10:00:00Z'), 1))
      .toThrow(/open before they close/);
  });
});

describe('addWorkingHours (office time only)', () => {
  it('carries over the close: 16:00 + 2 working hours is 10:00 the next working day', () => {
    expect(iso(addWorkingHours(cal, at('2024-03-04T16:00:00Z'), 2))).toBe('2024-03-05T10:00:00.000Z');
  });

  it('starts at the opening: from 07:00, from 18:00 the day before, and from Saturday', () => {
    expect(iso(addWorkingHours(cal, at('2024-03-05T07:00:00Z'), 1))).toBe('2024-03-05T10:00:00.000Z');
    expect(iso(addWorkingHours(cal, at('2024-03-04T18:00:00Z'), 1))).toBe('2024-03-05T10:00:00.000Z');
    expect(iso(addWorkingHours(cal, at('2024-03-09T12:00:00Z'), 0.5))).toBe('2024-03-11T09:30:00.000Z');
  });

  it('Friday 16:30 + 1 hour over a bank-holiday Monday is Tuesday 09:30', () => {
    expect(iso(addWorkingHours(cal, at('2024-05-03T15:30:00Z'), 1))).toBe('2024-05-07T08:30:00.000Z');
  });

  it('ends at the close when it uses up the day, and takes fractions and seconds', () => {
    expect(iso(addWorkingHours(cal, at('2024-03-04T09:00:00Z'), 8))).toBe('2024-03-04T17:00:00.000Z');
    expect(iso(addWorkingHours(cal, at('2024-03-04T09:00:00Z'), 1.25))).toBe('2024-03-04T10:15:00.000Z');
    expect(iso(addWorkingHours(cal, at('2024-03-04T10:00:30.250Z'), 1))).toBe('2024-03-04T11:00:30.250Z');
  });

  it('skips Christmas 2022 and counts office hours across both clock changes', () => {
    expect(iso(addWorkingHours(cal, at('2022-12-23T16:00:00Z'), 3))).toBe('2022-12-28T11:00:00.000Z');
    // Thu 28 March 16:00 GMT + 2h: Easter, the change, then Tue 2 April 10:00 BST.
    expect(iso(addWorkingHours(cal, at('2024-03-28T16:00:00Z'), 2))).toBe('2024-04-02T09:00:00.000Z');
    // Fri 25 October 16:00 BST + 2h: Mon 28 October 10:00 GMT.
    expect(iso(addWorkingHours(cal, at('2024-10-25T15:00:00Z'), 2))).toBe('2024-10-28T10:00:00.000Z');
  });
});

describe('addCalendarHours', () => {
  it('24 calendar hours are 24 real hours across the clock changes', () => {
    expect(iso(addCalendarHours(at('2024-03-30T12:00:00Z'), 24))).toBe('2024-03-31T12:00:00.000Z'); // 12:00 GMT → 13:00 BST
    expect(iso(addCalendarHours(at('2024-10-26T11:00:00Z'), 24))).toBe('2024-10-27T11:00:00.000Z'); // 12:00 BST → 11:00 GMT
    expect(iso(addCalendarHours(at('2024-03-30T12:00:00Z'), 1.5))).toBe('2024-03-30T13:30:00.000Z');
  });
});

describe('deadlineFor', () => {
  const monday10 = at('2024-03-04T10:00:00Z');

  it('dispatches on the clock kind (a MASH RAG set-up: red 2 hours, amber 6 working hours, green 1 working day)', () => {
    expect(iso(deadlineFor(cal, monday10, 2, 'CALENDAR_HOURS'))).toBe('2024-03-04T12:00:00.000Z');
    expect(iso(deadlineFor(cal, monday10, 6, 'WORKING_HOURS'))).toBe('2024-03-04T16:00:00.000Z');
    expect(iso(deadlineFor(cal, monday10, 8, 'WORKING_HOURS'))).toBe('2024-03-05T10:00:00.000Z');
    expect(iso(deadlineFor(cal, monday10, 1, 'WORKING_DAYS'))).toBe('2024-03-05T17:00:00.000Z');
  });

  it('rejects zero, negative and non-finite amounts for every clock, with RangeError', () => {
    for (const clock of ['CALENDAR_HOURS', 'WORKING_HOURS', 'WORKING_DAYS'] as const) {
      for (const amount of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => deadlineFor(cal, monday10, amount, clock)).toThrow(RangeError);
      }
      expect(() => deadlineFor(cal, monday10, 0, clock)).toThrow(/more than 0/);
    }
  });

  it('rejects an invalid start, inverted office hours, an unknown clock and an absurd limit', () => {
    expect(() => deadlineFor(cal, new Date(Number.NaN), 1, 'WORKING_DAYS')).toThrow(/not a valid date/);
    expect(() => deadlineFor(cal, new Date(Number.NaN), 1, 'CALENDAR_HOURS')).toThrow(RangeError);
    expect(() => deadlineFor({ ...cal, officeOpensMinute: 540, officeClosesMinute: 540 }, monday10, 2, 'WORKING_HOURS'))
      .toThrow(/open before they close/);
    expect(() => deadlineFor(cal, monday10, 1, 'FORTNIGHTS' as 'WORKING_DAYS')).toThrow(RangeError);
    expect(() => deadlineFor(cal, monday10, 1e9, 'WORKING_DAYS')).toThrow(RangeError);
  });
});

describe('pointInLimit (reminders at 50% and 80%)', () => {
  it('for 5 working days from Saturday: 20 and 32 of the 40 office hours', () => {
    const start = at('2024-03-09T12:00:00Z');
    const due = deadlineFor(cal, start, 5, 'WORKING_DAYS');
    expect(iso(due)).toBe('2024-03-15T17:00:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0.5, 'WORKING_DAYS'))).toBe('2024-03-13T13:00:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0.8, 'WORKING_DAYS'))).toBe('2024-03-14T17:00:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0, 'WORKING_DAYS'))).toBe(iso(start));
    expect(iso(pointInLimit(cal, start, due, 1, 'WORKING_DAYS'))).toBe(iso(due));
  });

  it('for 5 working days from Monday 10:00: 23.5 and 37.6 of the 47 office hours', () => {
    const start = at('2024-03-04T10:00:00Z');
    const due = deadlineFor(cal, start, 5, 'WORKING_DAYS');
    expect(iso(due)).toBe('2024-03-11T17:00:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0.5, 'WORKING_DAYS'))).toBe('2024-03-07T09:30:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0.8, 'WORKING_DAYS'))).toBe('2024-03-08T15:36:00.000Z');
  });

  it('for 5 working days over Easter and the March change', () => {
    const start = at('2024-03-27T17:30:00Z'); // after Wednesday's close
    const due = deadlineFor(cal, start, 5, 'WORKING_DAYS');
    expect(iso(due)).toBe('2024-04-05T16:00:00.000Z');
    // 20 office hours: Thu 28 March, Tue 2 April, then Wed 3 April 09:00–13:00 BST.
    expect(iso(pointInLimit(cal, start, due, 0.5, 'WORKING_DAYS'))).toBe('2024-04-03T12:00:00.000Z');
  });

  it('for working hours and for calendar hours', () => {
    const start = at('2024-03-04T16:00:00Z');
    const due = deadlineFor(cal, start, 2, 'WORKING_HOURS');
    expect(iso(pointInLimit(cal, start, due, 0.5, 'WORKING_HOURS'))).toBe('2024-03-04T17:00:00.000Z');
    expect(iso(pointInLimit(cal, start, due, 0.75, 'WORKING_HOURS'))).toBe('2024-03-05T09:30:00.000Z');
    const sat = at('2024-03-30T12:00:00Z');
    const dueCal = deadlineFor(cal, sat, 24, 'CALENDAR_HOURS');
    expect(iso(pointInLimit(cal, sat, dueCal, 0.5, 'CALENDAR_HOURS'))).toBe('2024-03-31T00:00:00.000Z');
    expect(iso(pointInLimit(cal, sat, dueCal, 0.8, 'CALENDAR_HOURS'))).toBe('2024-03-31T07:12:00.000Z');
  });

  it('refuses a fraction outside 0..1 and a due time before the start', () => {
    const start = at('2024-03-04T10:00:00Z');
    const due = at('2024-03-05T17:00:00Z');
    expect(() => pointInLimit(cal, start, due, 1.1, 'WORKING_DAYS')).toThrow(RangeError);
    expect(() => pointInLimit(cal, start, due, -0.1, 'CALENDAR_HOURS')).toThrow(RangeError);
    expect(() => pointInLimit(cal, start, due, Number.NaN, 'WORKING_HOURS')).toThrow(RangeError);
    expect(() => pointInLimit(cal, due, start, 0.5, 'WORKING_DAYS')).toThrow(/before the start/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the start date up to and including the end date', () => {
    const monday = at('2024-03-04T10:00:00Z');
    expect(workingDaysBetween(cal, monday, at('2024-03-04T16:59:00Z'))).toBe(0);
    expect(workingDaysBetween(cal, monday, at('2024-03-05T16:59:00Z'))).toBe(1); // decided within one working day
    expect(workingDaysBetween(cal, monday, at('2024-03-06T09:00:00Z'))).toBe(2);
    expect(workingDaysBetween(cal, monday, at('2024-03-11T09:00:00Z'))).toBe(5);
    expect(workingDaysBetween(cal, at('2024-03-08T10:00:00Z'), at('2024-03-11T10:00:00Z'))).toBe(1); // Fri → Mon
    expect(workingDaysBetween(cal, monday, at('2024-03-01T10:00:00Z'))).toBe(0); // backwards
    expect(workingDaysBetween(cal, at('2022-12-23T10:00:00Z'), at('2022-12-28T10:00:00Z'))).toBe(1);
  });

  it('goes by local dates: 23:30 and 00:30 BST are on different days', () => {
    expect(workingDaysBetween(cal, at('2024-06-03T22:30:00Z'), at('2024-06-03T23:30:00Z'))).toBe(1);
  });

  it('agrees with addWorkingDays', () => {
    const from = at('2024-03-22T11:00:00Z');
    for (const n of [1, 2, 3, 5, 10, 20]) expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n))).toBe(n);
  });
});

describe('nextSchoolDayStart (Operation Encompass)', () => {
  it('from Friday evening is Monday 08:30', () => {
    expect(iso(nextSchoolDayStart(cal, at('2024-03-08T19:00:00Z')))).toBe('2024-03-11T08:30:00.000Z');
  });

  it('from the Sunday before a bank-holiday Monday is Tuesday 08:30', () => {
    expect(iso(nextSchoolDayStart(cal, at('2024-05-05T19:00:00Z')))).toBe('2024-05-07T07:30:00.000Z');
  });

  it('from Tuesday 07:00 is the same day 08:30; from 08:30 or 09:00 it is Wednesday', () => {
    expect(iso(nextSchoolDayStart(cal, at('2024-03-05T07:00:00Z')))).toBe('2024-03-05T08:30:00.000Z');
    expect(iso(nextSchoolDayStart(cal, at('2024-03-05T08:30:00Z')))).toBe('2024-03-06T08:30:00.000Z');
    expect(iso(nextSchoolDayStart(cal, at('2024-03-05T09:00:00Z')))).toBe('2024-03-06T08:30:00.000Z');
  });

  it('skips Easter 2024 across the March change, and Christmas 2022', () => {
    expect(iso(nextSchoolDayStart(cal, at('2024-03-28T20:00:00Z')))).toBe('2024-04-02T07:30:00.000Z');
    expect(iso(nextSchoolDayStart(cal, at('2022-12-23T20:00:00Z')))).toBe('2022-12-28T08:30:00.000Z');
  });

  it('uses a configured school start, and does not skip the partnership’s own closure days', () => {
    expect(iso(nextSchoolDayStart({ ...cal, schoolDayStartsMinute: 525 }, at('2024-03-05T09:00:00Z'))))
      .toBe('2024-03-06T08:45:00.000Z');
    const closed = { ...cal, closureDays: ['2024-03-06'] };
    expect(iso(nextSchoolDayStart(closed, at('2024-03-05T09:00:00Z')))).toBe('2024-03-06T08:30:00.000Z');
  });
});
