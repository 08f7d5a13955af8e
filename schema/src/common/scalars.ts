// Date and time scalars. DateTime is an ISO 8601 instant; Date is a calendar date (YYYY-MM-DD),
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

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('Times are ISO 8601 strings');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`${value} is not an ISO 8601 time`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with a time zone offset.',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Times are ISO 8601 strings');
    return parseInstant(ast.value);
  },
});
