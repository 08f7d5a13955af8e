// Operations published for API clients (an agency's case system, a reporting job). In production
// only persisted operations run for anyone without a session, so an API client signs in with this
// one, by its hash, and then, holding a bearer token of a live session, may send its own documents
// (every one of them still authorised, limited and audited like the web app's).
import { createHash } from 'node:crypto';

export const API_SIGN_IN = /* GraphQL */ `mutation ApiSignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password, sessionMode: BEARER_TOKEN }) {
    __typename
    ... on LoginSuccess { token expiresAt user { id email } }
    ... on SecondFactorRequired { challenge expiresAt message }
    ... on SecondFactorEnrolmentRequired { challenge expiresAt message }
    ... on AccountLockedError { retryAfter }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { message }
  }
}`;

/** The second step where the account needs a code from an authenticator app (set up in the web app). */
export const API_SECOND_FACTOR_VERIFY = /* GraphQL */ `mutation ApiSecondFactorVerify($challenge: String!, $code: String, $recoveryCode: String) {
  secondFactorVerify(input: { challenge: $challenge, code: $code, recoveryCode: $recoveryCode }) {
    __typename
    ... on LoginSuccess { token expiresAt user { id email } }
    ... on AccountLockedError { retryAfter }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { message }
  }
}`;

/** The published operations by their SHA-256 hash (hex), as `extensions.persistedQuery.sha256Hash`. */
export function apiClientOperations(): Map<string, string> {
  return new Map([API_SIGN_IN, API_SECOND_FACTOR_VERIFY].map((text) => [createHash('sha256').update(text).digest('hex'), text]));
}
