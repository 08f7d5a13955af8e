// Without a session, nothing but `login` answers. Every root field of the schema is called with
// well-formed arguments made from its types, so a field added later is covered automatically.
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, isLeafType,
  type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { schema } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** A valid GraphQL literal for a type: required input fields filled in, optional ones left out. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': return '1';
      case 'Float': return '1.5';
      case 'Boolean': return 'true';
      case 'Date': return '"2015-06-01"';
      case 'DateTime': return '"2026-01-01T00:00:00Z"';
      case 'ID': return '"T3JnYW5pc2F0aW9uOjA="';
      default: return '"x"';
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

const roots = [
  ['query', schema.getQueryType()!],
  ['mutation', schema.getMutationType()!],
] as const;

const SECOND_FACTOR_STEPS = ['secondFactorEnrol', 'secondFactorConfirm', 'secondFactorVerify'];

describe('a client with no session', () => {
  const fields = roots.flatMap(([kind, type]) =>
    Object.values(type.getFields())
      // The ways in: signing in, setting a password with a one-time link (accountAccess.test.ts),
      // and the second factor's steps after a right password, which need its challenge (below).
      .filter((f) => !['login', 'accountActivate', ...SECOND_FACTOR_STEPS].includes(f.name))
      .map((f) => [`${kind} ${f.name}`, operation(kind, f)] as const),
  );

  it('finds more than one field to try', () => {
    expect(fields.length).toBeGreaterThan(2);
  });

  it.each(fields)('is refused %s', async (_name, text) => {
    const result = await app.anonymous.request(text);
    expect(result.errors?.map((e) => e.extensions?.code), result.raw).toEqual(['UNAUTHENTICATED']);
    // Nothing comes back: no data at all, or the (nullable) field itself null.
    expect(Object.values(result.data ?? {}).every((value) => value === null), result.raw).toBe(true);
  });

  it.each(SECOND_FACTOR_STEPS)('gets nothing from %s without a live challenge from a right password', async (name) => {
    const input = name === 'secondFactorEnrol' ? '{ challenge: "x" }' : '{ challenge: "x", code: "123456" }';
    const result = await app.anonymous.request(`mutation { ${name}(input: ${input}) { __typename ... on ValidationError { fieldErrors { field message } } } }`);
    expect(result.data?.[name], result.raw).toEqual({
      __typename: 'ValidationError', fieldErrors: [{ field: 'challenge', message: 'Your sign-in has timed out or has already been used. Sign in again.' }],
    });
  });

  it('can reach login', async () => {
    const result = await app.anonymous.request(operation('mutation', schema.getMutationType()!.getFields().login!));
    expect(result.errors).toBeUndefined();
    expect(result.data.login.__typename).toBe('LoginFailedError');
  });

  it('cannot run a query by GET without the CSRF header', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('CSRF');
  });
});

describe('in production', () => {
  it('the schema cannot be introspected', async () => {
    const production = await startTestApp({ production: true });
    try {
      const result = await production.anonymous.request('{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
      expect(result.data).toBeUndefined();
    } finally {
      await production.close();
    }
  });
});
