// A DateTime is an exact instant: ISO 8601 with a date, a time and an offset. What cannot be read
// one way only (no offset, day-first or month-first, words) or names no real moment (30 February)
// is refused with the field named, before anything runs, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as, globalId } from '../access/fixtures.ts';

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id entry { occurredAt } } } } }`;

let app: TestApp;
let childId: string;
beforeAll(async () => {
  app = await startTestApp();
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } }, orderBy: { id: 'asc' } });
  childId = globalId('Child', child.id);
});
afterAll(() => app?.close());

const raise = async (occurredAt: unknown) =>
  (await as(app, OAK.dsl)).request(RAISE, {
    input: { childId, categories: ['NEGLECT'], narrative: 'Arrived hungry and cold', riskLevel: 'MEDIUM', dslInformed: true, occurredAt },
  });

describe('DateTime input', () => {
  it.each([
    ['an impossible day', '2026-02-30T10:00:00Z', /not a real date and time/],
    ['an impossible hour', '2026-03-11T24:30:00Z', /not a real date and time/],
    ['a day-first or month-first date', '03/11/2026 10:00', /ISO 8601/],
    ['a date in words', '1 November 2026', /ISO 8601/],
    ['a time without an offset', '2026-03-11T10:00:00', /offset/],
    ['a date without a time', '2026-03-11', /ISO 8601/],
    ['an impossible offset', '2026-03-11T10:00:00+25:00', /not a real date and time/],
    ['a number', 1_773_223_200_000, /ISO 8601/],
    ['a very long string', `2026-03-11T10:00:00${'0'.repeat(5000)}Z`, /ISO 8601/],
  ])('refuses %s, naming the field, and stores nothing', async (_what, occurredAt, message) => {
    const before = await app.db.concern.count();
    const result = await raise(occurredAt);
    expect(result.data?.concernRaise ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.message).toMatch(/occurredAt/);
    expect(await app.db.concern.count()).toBe(before);
  });

  it('stores the instant written, whatever its offset', async () => {
    for (const [written, instant] of [
      ['2026-03-11T10:00:00+01:00', '2026-03-11T09:00:00.000Z'],
      ['2026-03-11T10:00:00.25-05:30', '2026-03-11T15:30:00.250Z'],
      ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
      ['2026-03-11T10:00Z', '2026-03-11T10:00:00.000Z'],
    ] as const) {
      const result = await raise(written);
      expect(result.data.concernRaise.__typename, result.raw).toBe('ConcernRaiseSuccess');
      expect(result.data.concernRaise.concern.entry.occurredAt).toBe(instant);
    }
  });
});
