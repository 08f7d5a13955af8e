// Signing in as the seeded people, by role.
import type { Role } from '@wraparound/prisma';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { TEST_PASSWORD } from './constants.ts';
import type { GraphQLClient } from './graphql.ts';

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error { message }
      ... on AccountLockedError { retryAfter }
      ... on ValidationError { fieldErrors { field path message } }
      ... on LoginSuccess { token expiresAt user { email } }
      ... on SecondFactorRequired { challenge expiresAt message }
      ... on SecondFactorEnrolmentRequired { challenge expiresAt message }
    }
  }
`;

export async function emailOf(app: TestApp, role: Role, partnershipCode = 'northmoor'): Promise<string> {
  const user = await app.db.user.findFirst({
    where: { roles: { has: role }, active: true, partnership: { code: partnershipCode } },
    orderBy: { email: 'asc' },
  });
  if (!user) throw new Error(`no seeded ${role} in ${partnershipCode}`);
  return user.email;
}

export async function signIn(app: TestApp, email: string, password = TEST_PASSWORD): Promise<GraphQLClient> {
  const result = await app.anonymous.request(LOGIN, { input: { email, password, sessionMode: 'BEARER_TOKEN' } });
  expect(result.data?.login?.__typename, JSON.stringify(result.errors ?? result.data)).toBe('LoginSuccess');
  return app.anonymous.withToken(result.data.login.token);
}

export async function signInAs(app: TestApp, role: Role, partnershipCode = 'northmoor'): Promise<GraphQLClient> {
  return signIn(app, await emailOf(app, role, partnershipCode));
}
