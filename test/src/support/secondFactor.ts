// The second factor as a person meets it: the administrator turns the partnership's policy on,
// a person signs in with their password, sets up an authenticator app from what the API gave
// them (codes made here with otplib, as the app would), and signs in with codes afterwards.
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { TEST_PASSWORD } from './constants.ts';
import type { GraphQLClient } from './graphql.ts';
import { LOGIN, signIn } from './personas.ts';

export const ADMIN = 'partnership.admin@partnership.northmoor.example';

export const POLICY_UPDATE = /* GraphQL */ `
  mutation($input: SecondFactorPolicyInput!) { secondFactorPolicyUpdate(input: $input) { __typename ... on Error { message } ... on SecondFactorPolicy { required } } }`;
export const ENROL = /* GraphQL */ `
  mutation($input: SecondFactorEnrolInput!) { secondFactorEnrol(input: $input) { __typename
    ... on ValidationError { fieldErrors { field message } } ... on SecondFactorEnrolment { secret otpauthUri qrCode } } }`;
export const CONFIRM = /* GraphQL */ `
  mutation($input: SecondFactorConfirmInput!) { secondFactorConfirm(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { field message } } ... on SecondFactorEnrolled { recoveryCodes token expiresAt user { email } } } }`;
export const VERIFY = /* GraphQL */ `
  mutation($input: SecondFactorVerifyInput!) { secondFactorVerify(input: $input) { __typename ... on Error { message }
    ... on AccountLockedError { retryAfter } ... on ValidationError { fieldErrors { field message } } ... on LoginSuccess { token user { email } } } }`;
export const RESET = /* GraphQL */ `
  mutation($input: UserSecondFactorResetInput!) { userSecondFactorReset(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { field message } } ... on UserSecondFactorResetSuccess { user { email secondFactorEnrolled } } } }`;

/** The code an authenticator app shows at the server's time, `steps` 30-second steps away. */
export function codeAt(app: TestApp, secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(app.now().getTime() / 1000) + steps * 30 });
}

/** The administrator sets the partnership's policy. */
export async function setPolicy(app: TestApp, required: boolean) {
  const admin = await signIn(app, ADMIN);
  const result = await admin.request(POLICY_UPDATE, { input: { required } });
  expect(result.data?.secondFactorPolicyUpdate, result.raw).toEqual({ __typename: 'SecondFactorPolicy', required });
}

/** A password sign-in; the typed answer (a session, or the second factor asked for). */
export async function passwordStep(app: TestApp, email: string, password = TEST_PASSWORD) {
  const result = await app.anonymous.request(LOGIN, { input: { email, password, sessionMode: 'BEARER_TOKEN' } });
  return result.data.login as { __typename: string; challenge?: string; message?: string };
}

/** Enrols a person at sign-in; their app's secret, recovery codes and signed-in client. */
export async function enrol(app: TestApp, email: string): Promise<{ secret: string; recoveryCodes: string[]; client: GraphQLClient }> {
  const asked = await passwordStep(app, email);
  expect(asked.__typename).toBe('SecondFactorEnrolmentRequired');
  const offered = (await app.anonymous.request(ENROL, { input: { challenge: asked.challenge } })).data.secondFactorEnrol;
  expect(offered.__typename).toBe('SecondFactorEnrolment');
  const confirmed = (await app.anonymous.request(CONFIRM, { input: { challenge: asked.challenge, code: await codeAt(app, offered.secret) } })).data.secondFactorConfirm;
  expect(confirmed.__typename, JSON.stringify(confirmed)).toBe('SecondFactorEnrolled');
  return { secret: offered.secret, recoveryCodes: confirmed.recoveryCodes, client: app.anonymous.withToken(confirmed.token) };
}
