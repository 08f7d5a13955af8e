// Operations and look-ups shared by the restriction and break-glass tests.
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { globalId } from '../access/fixtures.ts';

export const NM = 'northmoor.example';
export const EMAIL = {
  dsl: `dsl@oakfield-primary.${NM}`,
  deputy: `deputy.dsl@oakfield-primary.${NM}`,
  staff: `school.staff@oakfield-primary.${NM}`,
  head: `headteacher@oakfield-primary.${NM}`,
  police: `police.officer@public-protection.${NM}`,
  socialWorker: `social.worker@childrens-services.${NM}`,
  mashWorker: `mash.worker@childrens-services.${NM}`,
  teamManager: `team.manager@childrens-services.${NM}`,
  headOfService: `head.of.service@childrens-services.${NM}`,
  mashPolice: `mash.police.researcher@mash-police.${NM}`,
  igLead: `ig.lead@partnership.${NM}`,
  admin: `partnership.admin@partnership.${NM}`,
  otherbyDsl: 'dsl@otherby-primary.otherby.example',
};

export const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

export const RESTRICT = /* GraphQL */ `
  mutation($input: RestrictionCreateInput!) { restrictionCreate(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on RestrictionCreateSuccess { restriction { id childId entryId reason active members { displayName } createdBy { displayName } } } } }`;
export const LIFT = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { restrictionLift(id: $id, reason: $reason) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on RestrictionLiftSuccess { restriction { id active liftedAt liftedBy { displayName } } } } }`;
export const RESTRICTIONS = /* GraphQL */ `
  query($childId: ID!) { restrictions(childId: $childId) { id childId entryId reason createdAt members { displayName } } }`;
export const BREAK_GLASS = /* GraphQL */ `
  mutation($input: BreakGlassInput!) { breakGlass(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on BreakGlassSuccess { grant { id childId reason grantedAt expiresAt live user { displayName } } } } }`;
export const GRANTS = /* GraphQL */ `
  query($unreviewedOnly: Boolean) { breakGlassGrants(unreviewedOnly: $unreviewedOnly, first: 50) {
    edges { node { id childId reason live reviewedAt reviewOutcome user { displayName } reviewedBy { displayName } } } } }`;
export const REVIEW = /* GraphQL */ `
  mutation($id: ID!, $outcome: String!) { breakGlassReview(id: $id, outcome: $outcome) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on BreakGlassReviewSuccess { grant { id reviewedAt reviewOutcome reviewedBy { displayName } } } } }`;
export const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id givenName } }`;
export const ENTRY = /* GraphQL */ `query($id: ID!) { chronologyEntry(id: $id) { id } }`;
export const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { id } } } }`;
export const CONCERNS = /* GraphQL */ `query { concerns(first: 100) { edges { node { id } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) {
    __typename ... on Error { message } ... on ConcernRaiseSuccess { concern { id entry { id } } } } }`;

/** Whether the viewer can read the child, the entry (single read) and see the entry in the chronology. */
export async function sees(client: GraphQLClient, childId: string, entryId?: string) {
  const child = await client.request(CHILD, { id: globalId('Child', childId) });
  const chronology = await client.request(CHRONOLOGY, { id: globalId('Child', childId) });
  expect(child.errors, child.raw).toBeUndefined();
  expect(chronology.errors, chronology.raw).toBeUndefined();
  const listed = (chronology.data.chronology?.edges ?? []).map((e: { node: { id: string } }) => decode(e.node.id));
  let entry: boolean | undefined;
  if (entryId) {
    const single = await client.request(ENTRY, { id: globalId('ChronologyEntry', entryId) });
    expect(single.errors, single.raw).toBeUndefined();
    entry = single.data.chronologyEntry != null;
    // A list never shows what a single read refuses, and the other way round.
    expect(listed.includes(entryId), `chronology and chronologyEntry disagree about ${entryId}`).toBe(entry);
  }
  return { child: child.data.child != null, chronology: chronology.data.chronology != null, entry, listed };
}

/** A seeded child of Oakfield Primary with no restriction, not used by `exclude`. */
export async function oakfieldPupil(app: TestApp, exclude: string[] = []) {
  return app.db.child.findFirstOrThrow({
    where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, id: { notIn: exclude }, entries: { some: {} } },
    orderBy: { id: 'asc' },
  });
}

export async function raiseConcern(client: GraphQLClient, childId: string, narrative: string) {
  const result = await client.request(RAISE, {
    input: {
      childId: globalId('Child', childId), categories: ['NEGLECT'], narrative, riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    },
  });
  expect(result.data?.concernRaise?.__typename, result.raw).toBe('ConcernRaiseSuccess');
  return { concernId: decode(result.data.concernRaise.concern.id), entryId: decode(result.data.concernRaise.concern.entry.id) };
}

export async function userId(app: TestApp, email: string) {
  return (await app.db.user.findUniqueOrThrow({ where: { email } })).id;
}

/** Rows that a refused or invalid request must not have written. */
export async function counts(app: TestApp) {
  const [restrictions, members, grants, deadlines, events, notifications, audit] = await Promise.all([
    app.db.restriction.count(),
    app.db.restrictionMember.count(),
    app.db.breakGlassGrant.count(),
    app.db.deadline.count(),
    app.db.notificationEvent.count(),
    app.db.notification.count(),
    app.db.auditEvent.count({ where: { action: { notIn: ['session.login'] } } }),
  ]);
  return { restrictions, members, grants, deadlines, events, notifications, audit };
}
