// Date and time scalars. DateTime is an exact instant (ISO 8601 with an offset); Date is a calendar date (YYYY-MM-DD),
// as a date of birth is, with no time zone to shift it across midnight.
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new GraphQLError('Dates are written YYYY-MM-DD');
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a real date`);
  }
  return date;
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value as Date).toISOString().slice(0, 10),
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Dates are written as strings, YYYY-MM-DD');
    return parseCalendarDate(ast.value);
  },
});

// RFC 3339's profile of ISO 8601: date, time and an offset, nothing left to guess. `new Date()`
// alone read 2026-02-30 as 2 March, "03/11/2026" month-first and a time without an offset in the
// server's own zone.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const EXAMPLE = 'such as 2026-03-11T10:00:00Z or 2026-03-11T10:00:00+01:00';

export function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) throw new GraphQLError(`Times are ISO 8601 strings with an offset, ${EXAMPLE}`);
  const match = ISO_INSTANT.exec(value);
  if (!match) throw new GraphQLError(`${value} is not an ISO 8601 time: write the date, the time and an offset, ${EXAMPLE}`);
  const [, year, month, day, hour, minute, second = '0', fraction = '', offset] = match;
  if (!offset) throw new GraphQLError(`${value} has no offset, so it could be any of several instants: add one, ${EXAMPLE}`);
  const sign = offset === 'Z' ? 0 : offset.startsWith('-') ? -1 : 1;
  const [offsetHours, offsetMinutes] = offset === 'Z' ? [0, 0] : offset.slice(1).split(':').map(Number) as [number, number];
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], Number(fraction.padEnd(3, '0').slice(0, 3)));
  const written = new Date(utc);
  // Date.UTC rolls 30 February over into March and 24:30 into the next day: the date it gives
  // back must be the one written.
  const real = written.getUTCFullYear() === parts[0] && written.getUTCMonth() === parts[1] - 1 && written.getUTCDate() === parts[2]
    && written.getUTCHours() === parts[3] && written.getUTCMinutes() === parts[4] && written.getUTCSeconds() === parts[5]
    && offsetHours <= 23 && offsetMinutes <= 59;
  if (!real) throw new GraphQLError(`${value} is not a real date and time`);
  return new Date(utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

builder.scalarType('DateTime', {
  description: 'An instant: ISO 8601 (RFC 3339) with a time zone offset, such as 2026-03-11T10:00:00Z or 2026-03-11T10:00:00+01:00.',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`Times are ISO 8601 strings with an offset, ${EXAMPLE}`);
    return parseInstant(ast.value);
  },
});
