import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts';

// Fragments are not exported: the manifest holds operations only; each travels inside them.
const AuditEventFields = graphql(`
  fragment AuditEventFields on AuditEvent {
    sequence occurredAt action subjectType purpose childId
    actor { id displayName organisation { name } }
  }
`);

/** One page of a child's access log, newest first. */
export const ChildAccessLogQuery = graphql(`
  query ChildAccessLog($childId: ID!, $after: String) {
    childAccessLog(childId: $childId, first: 25, after: $after) {
      edges { node { ...AuditEventFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [AuditEventFields]);

/** One page of everything a person has done or read, newest first, and who they are. */
export const PersonAccessLogQuery = graphql(`
  query PersonAccessLog($userId: ID!, $after: String) {
    user(id: $userId) { id displayName jobTitle organisation { name } }
    userAccessLog(userId: $userId, first: 25, after: $after) {
      edges { node { ...AuditEventFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [AuditEventFields]);

export type AuditEventRow = ResultOf<typeof AuditEventFields>;
export const auditEventOf = (masked: FragmentOf<typeof AuditEventFields>): AuditEventRow => readFragment(AuditEventFields, masked);

/** Who a child is, for the IG lead (no record), and the restrictions on them. */
export const GovernedChildQuery = graphql(`
  query GovernedChild($id: ID!) {
    childIdentity(id: $id) { id givenName familyName dateOfBirth restricted }
  }
`);

export const ChildIdentitySearchQuery = graphql(`
  query ChildIdentitySearch($input: ChildIdentitySearchInput!) {
    childIdentitySearch(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on ChildIdentitySearchSuccess { children { id givenName familyName dateOfBirth restricted } }
    }
  }
`);

const GrantFields = graphql(`
  fragment GrantFields on BreakGlassGrant {
    id childId reason grantedAt expiresAt live reviewedAt reviewOutcome
    user { id displayName jobTitle organisation { name } }
    reviewedBy { displayName }
  }
`);

export const BreakGlassGrantsQuery = graphql(`
  query BreakGlassGrants($unreviewedOnly: Boolean, $first: Int!, $after: String) {
    breakGlassGrants(unreviewedOnly: $unreviewedOnly, first: $first, after: $after) {
      edges { node { ...GrantFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [GrantFields]);

/** One grant and who the child is (the child's page, opened from here, has its own query). */
export const BreakGlassGrantQuery = graphql(`
  query BreakGlassGrant($id: ID!) {
    breakGlassGrant(id: $id) { ...GrantFields }
  }
`, [GrantFields]);

export const GrantChildQuery = graphql(`
  query GrantChild($id: ID!) {
    childIdentity(id: $id) { id givenName familyName dateOfBirth }
  }
`);

export type Grant = ResultOf<typeof GrantFields>;
export const grantOf = (masked: FragmentOf<typeof GrantFields>): Grant => readFragment(GrantFields, masked);

export const BreakGlassReviewMutation = graphql(`
  mutation BreakGlassReview($id: ID!, $outcome: String!) {
    breakGlassReview(id: $id, outcome: $outcome) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on BreakGlassReviewSuccess { grant { id reviewedAt } }
    }
  }
`);

export const AuditChainQuery = graphql(`
  query AuditChain {
    auditChain {
      __typename
      ... on Error { message }
      ... on AuditChainReport { intact checked firstBrokenSequence headHash }
    }
  }
`);

export const GovernancePeopleQuery = graphql(`
  query GovernancePeople($after: String) {
    users(first: 50, after: $after, includeInactive: true) {
      edges { node { id displayName jobTitle active organisation { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The restrictions on a child the viewer may see (named on them, or the IG lead). */
export const ChildRestrictionsQuery = graphql(`
  query ChildRestrictions($childId: ID!) {
    restrictions(childId: $childId) {
      id childId entryId reason createdAt
      createdBy { displayName }
      members { id displayName organisation { name } }
    }
  }
`);

/** The child (or, for the IG lead, who they are) and the entries the viewer might restrict. */
export const RestrictFormQuery = graphql(`
  query RestrictForm($childId: ID!) {
    child(id: $childId, purpose: "Restricting a record") { id givenName familyName }
    childIdentity(id: $childId) { id givenName familyName }
    chronology(childId: $childId, first: 100) {
      edges { node { id kind occurredAt summary organisation { id } } }
    }
  }
`);

export const RestrictionPeopleQuery = graphql(`
  query RestrictionPeople($name: String!) {
    restrictionPeople(name: $name, first: 20) { totalCount edges { node { id displayName jobTitle organisation { name } } } }
  }
`);

export const RestrictionCreateMutation = graphql(`
  mutation RestrictionCreate($input: RestrictionCreateInput!) {
    restrictionCreate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on RestrictionCreateSuccess { restriction { id } }
    }
  }
`);

/** The restrictions again, for the lift page: its own operation, not merged with the child page's. */
export const RestrictionToLiftQuery = graphql(`
  query RestrictionToLift($childId: ID!) {
    restrictions(childId: $childId) {
      id childId reason createdAt
      createdBy { displayName }
      members { id displayName }
    }
  }
`);

export const RestrictionLiftMutation = graphql(`
  mutation RestrictionLift($id: ID!, $reason: String!) {
    restrictionLift(id: $id, reason: $reason) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on RestrictionLiftSuccess { restriction { id } }
    }
  }
`);

/** What restrictions hide from the viewer about a child they would otherwise see. */
export const RestrictionNoticeQuery = graphql(`
  query RestrictionNotice($childId: ID!) {
    restrictionNotice(childId: $childId) { wholeRecord restrictedEntries emergencyAccessUntil }
  }
`);

/** The same, for the emergency access page: its own operation, so that it is not merged with the
 * child page's (the page it is opened from) as the one closes and the other opens. */
export const EmergencyAccessNoticeQuery = graphql(`
  query EmergencyAccessNotice($childId: ID!) {
    restrictionNotice(childId: $childId) { wholeRecord restrictedEntries emergencyAccessUntil }
  }
`);

export const BreakGlassMutation = graphql(`
  mutation BreakGlass($input: BreakGlassInput!) {
    breakGlass(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on BreakGlassSuccess { grant { id expiresAt } }
    }
  }
`);
