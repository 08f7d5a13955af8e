// Property test over the whole API (issue 16): operations generated from the schema for every root
// query and mutation, with variables that are valid, nearly valid and malformed (wrong types,
// impossible dates, NUL characters, huge text, ids of other records and of nothing), sent by
// several personas. Whatever comes in:
// - the server answers, below 500, and never with "Unexpected error." (an unexpected error is a
//   defect the fuzzer found; the server's log of it is printed);
// - a refused mutation changes no row of any table.
// CI runs a bounded number of cases; `FUZZ_RUNS=5000 npx vitest run src/foundation/fuzzing.test.ts`
// runs longer (and `FUZZ_SEED` replays a failure).
import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { schema } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, GP, OAK, POLICE, TEAM_MANAGER } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { signIn } from '../support/personas.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const PERSONAS = [OAK.dsl, POLICE[0]!, GP, TEAM_MANAGER, 'partnership.admin@partnership.northmoor.example', 'ig.lead@partnership.northmoor.example'];
// Tables whose rows a refusal may add to: the audit trail (refusals are recorded) and sign-in counts.
const APPEND_ON_REFUSAL = new Set(['audit_event', 'sign_in_limit', '_prisma_migrations']);

let app: TestApp;
let personas: GraphQLClient[];
let ids: string[];
let countRows: () => Promise<string>;

beforeAll(async () => {
  app = await startTestApp();
  personas = [];
  for (const email of PERSONAS) personas.push(await signIn(app, email));
  // Real ids of every kind of record (others' among them), for arguments that take one.
  const kinds = ['Child', 'Concern', 'Referral', 'Organisation', 'User', 'Disagreement', 'ChronologyEntry', 'InformationRequest', 'Share'];
  const tables: Record<string, string> = {
    Child: 'child', Concern: 'concern', Referral: 'referral', Organisation: 'organisation', User: '"user"',
    Disagreement: 'disagreement', ChronologyEntry: 'chronology_entry', InformationRequest: 'information_request', Share: 'share',
  };
  ids = [];
  for (const kind of kinds) {
    const rows = await app.sql<{ id: string }>(`SELECT id FROM ${tables[kind]} ORDER BY random() LIMIT 4`).catch(() => ({ rows: [] }));
    ids.push(...rows.rows.map((r) => globalId(kind, r.id)));
  }
  const listed = await app.sql<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counted = listed.rows.map((r) => r.name).filter((name) => !APPEND_ON_REFUSAL.has(name.replaceAll('"', '')));
  const sql = `SELECT json_build_object(${counted.map((name) => `'${name}', (SELECT count(*) FROM ${name})`).join(', ')})::text AS counts`;
  countRows = async () => (await app.sql<{ counts: string }>(sql)).rows[0]!.counts;
});
afterAll(() => app?.close());

const awkwardText = fc.oneof(
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.constantFrom('', ' ', 'a'.repeat(600), 'x'.repeat(25_000), 'nul\u0000byte', '<script>alert(1)</script>', "'; DROP TABLE concern; --", '😀 emoji', 'Ñoño Ōtā', '\u202Eright-to-left', 'tab\tand\r\nnewline', '\uD800 lone surrogate'),
);
// Mostly ordinary words, so that more requests pass validation and reach the database.
const text = fc.oneof({ arbitrary: fc.constantFrom('Smith', 'Seen at lunch', 'PHYSICAL', 'school', 'x'), weight: 3 }, { arbitrary: awkwardText, weight: 2 });
const dateTime = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T10:00:00Z', '03/11/2026 10:00', '1 November 2026', '2026-11-01T10:00:00', 'not a date', ''),
);
const date = fc.oneof(
  fc.date({ min: new Date('2005-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', '31/12/2020', ''),
);
const id = () => fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, fc.string({ maxLength: 20 }), fc.constantFrom(globalId('Child', 'nothing'), globalId('Nope', '1'), 'T3JnYW5pc2F0aW9uOjA=')).map((v) => v as string);
const wrongValue = fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));

/** A value for a GraphQL input type: usually well-typed, sometimes not. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  if (isListType(type)) return fc.array(valueOf(type.ofType, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)]));
    const requiredKeys = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(shape, { requiredKeys });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': return fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31)));
      case 'Float': return fc.double({ noNaN: true });
      case 'Boolean': return fc.boolean();
      case 'ID': return id();
      case 'DateTime': return dateTime;
      case 'Date': return date;
      default: return text;
    }
  }
  throw new Error(`no value for ${String(type)}`);
}

/** Arguments for a field: each well-typed most of the time, otherwise anything at all. */
function argumentsOf(field: GraphQLField<unknown, unknown>) {
  return fc.record(
    Object.fromEntries(field.args.map((a) => [a.name, fc.oneof({ arbitrary: valueOf(a.type), weight: 5 }, { arbitrary: wrongValue, weight: 1 })])),
    { requiredKeys: [] },
  );
}

function documentOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

const SKIPPED = new Set(['logout']); // ends the persona's own session, and with it the rest of the run

const cases = ([['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const).flatMap(([kind, type]) =>
  Object.values(type.getFields())
    .filter((field) => !SKIPPED.has(field.name))
    .map((field) => ({ kind, field, document: documentOf(kind, field) })),
);

describe('the API under generated input', () => {
  it('answers every operation without an unexpected error, and a refused change changes nothing', async () => {
    const operation = fc.constantFrom(...cases).chain((c) =>
      fc.record({ c: fc.constant(c), persona: fc.nat({ max: PERSONAS.length - 1 }), variables: argumentsOf(c.field) }),
    );
    await fc.assert(
      fc.asyncProperty(operation, async ({ c, persona, variables }) => {
        app.serverErrors.length = 0;
        const before = c.kind === 'mutation' ? await countRows() : null;
        const response = await personas[persona]!.request(c.document, variables);
        expect(response.status, response.raw.slice(0, 300)).toBeLessThan(500);
        const messages = (response.errors ?? []).map((e) => e.message);
        expect(messages, `${c.field.name}: ${app.serverErrors.join('\n').slice(0, 2000)}`).not.toContain('Unexpected error.');
        expect(app.serverErrors, c.field.name).toEqual([]);
        if (before !== null) {
          const answer = response.data?.[c.field.name] as { __typename?: string } | null | undefined;
          const refused = !answer || (response.errors?.length ?? 0) > 0 || /Error$/.test(answer.__typename ?? '');
          if (refused) expect(await countRows(), `${c.field.name} was refused but changed rows`).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
    );
  }, 600_000);
});

describe('a valid change with one text field spoiled', () => {
  it('is refused with a field error or accepted, never an unexpected error, and a refusal changes nothing', async () => {
    const dsl = personas[0]!;
    const found = await dsl.request('query { concerns(first: 1) { edges { node { entry { child { id } } } } } }');
    const childId = found.data.concerns.edges[0].node.entry.child.id as string;
    const changes = [
      {
        field: 'concernRaise',
        document: 'mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename } }',
        input: { childId, categories: ['NEGLECT'], narrative: 'Came to school hungry again.', summary: 'Hungry', riskLevel: 'LOW', dslInformed: true, occurredAt: new Date(Date.now() - 3_600_000).toISOString(), actionTaken: 'Breakfast club', childsWords: 'No food at home' },
        texts: ['narrative', 'summary', 'actionTaken', 'childsWords'],
      },
      {
        field: 'childRegister',
        document: 'mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename } }',
        input: { givenName: 'Fuzz', familyName: 'Tester', dateOfBirth: '2016-05-04', confirmNotDuplicate: true, addressLine1: '1 High Street' },
        texts: ['givenName', 'familyName', 'addressLine1'],
      },
    ];
    const spoiled = fc.record({ change: fc.constantFrom(...changes), spoiler: awkwardText, which: fc.nat() });
    await fc.assert(
      fc.asyncProperty(spoiled, async ({ change, spoiler, which }) => {
        app.serverErrors.length = 0;
        const field = change.texts[which % change.texts.length]!;
        const before = await countRows();
        const response = await dsl.request(change.document, { input: { ...change.input, [field]: spoiler } });
        expect(response.status).toBeLessThan(500);
        expect(app.serverErrors, `${change.field}.${field} = ${JSON.stringify(spoiler).slice(0, 80)}`).toEqual([]);
        const typename = response.data?.[change.field]?.__typename as string | undefined;
        if (!typename || /Error$/.test(typename)) expect(await countRows()).toBe(before);
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
    );
  }, 600_000);
});
