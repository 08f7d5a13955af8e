// A small world for the access tests: two children at Oakfield Primary with entries from a school,
// the police and social care, shared, revoked, expired, restricted and broken into, plus a child in
// another partnership. Set-up uses the API where the API does it, and SQL for what has no API yet.
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { signIn } from '../support/personas.ts';

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const NM = 'northmoor.example';
export const OAK = {
  dsl: `dsl@oakfield-primary.${NM}`,
  deputy: `deputy.dsl@oakfield-primary.${NM}`,
  staff: `school.staff@oakfield-primary.${NM}`,
  head: `headteacher@oakfield-primary.${NM}`,
};
export const POLICE = [`police.officer@public-protection.${NM}`, `detective.sergeant@public-protection.${NM}`, `detective.inspector@public-protection.${NM}`];
export const FRONT_DOOR = [
  `social.worker@childrens-services.${NM}`, `mash.worker@childrens-services.${NM}`, `team.manager@childrens-services.${NM}`,
  `mash.manager@childrens-services.${NM}`, `head.of.service@childrens-services.${NM}`,
];
export const MASH_POLICE = `mash.police.researcher@mash-police.${NM}`;
export const GP = `gp@moorside-surgery.${NM}`;
export const TEAM_MANAGER = `team.manager@childrens-services.${NM}`;
export const OTHERBY_DSL = 'dsl@otherby-primary.otherby.example';
export const OAK_READERS = [OAK.dsl, OAK.deputy, OAK.head];

export interface World {
  childX: string;
  childY: string;
  otherChild: string;
  entries: Record<string, string>;
  concerns: Record<string, string>;
  oakfieldId: string;
}

/** Every seeded person of Northmoor (a user for every role of every agency type), and one from another partnership. */
export async function everyone(app: TestApp): Promise<string[]> {
  const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { email: 'asc' } });
  return [...users.map((u) => u.email), OTHERBY_DSL];
}

const clients = new Map<string, GraphQLClient>();
export async function as(app: TestApp, email: string) {
  let client = clients.get(`${app.url} ${email}`);
  if (!client) {
    client = await signIn(app, email);
    clients.set(`${app.url} ${email}`, client);
  }
  return client;
}

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) {
    __typename ... on ValidationError { fieldErrors { field message } }
    ... on ConcernRaiseSuccess { concern { id entry { id } } } } }`;
export const SHARE = /* GraphQL */ `
  mutation($input: ShareCreateInput!) { shareCreate(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ShareSuccess { share { id live } } } }`;
const REVOKE = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { shareRevoke(shareId: $id, reason: $reason) { __typename ... on Error { message } } }`;
export const REFER = /* GraphQL */ `
  mutation($id: ID!) { concernRefer(concernId: $id) { __typename ... on Error { message }
    ... on ConcernReferSuccess { referral { id decisionDueAt } } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;

async function raise(app: TestApp, email: string, childId: string, narrative: string) {
  const result = await (await as(app, email)).request(RAISE, {
    input: {
      childId: globalId('Child', childId), categories: ['NEGLECT'], narrative, riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    },
  });
  expect(result.data?.concernRaise?.__typename, result.raw).toBe('ConcernRaiseSuccess');
  const concern = result.data.concernRaise.concern;
  return { concernId: Buffer.from(concern.id, 'base64').toString().split(':')[1]!, entryId: Buffer.from(concern.entry.id, 'base64').toString().split(':')[1]! };
}

/** An entry written straight to the database, for agencies whose own recording has no API yet. */
export async function entryBy(app: TestApp, email: string, childId: string, summary: string, sensitive: boolean) {
  const author = await app.db.user.findUniqueOrThrow({ where: { email } });
  const entry = await app.db.chronologyEntry.create({
    data: {
      partnershipId: author.partnershipId, childId, organisationId: author.organisationId, authorId: author.id,
      kind: sensitive ? 'POLICE_INCIDENT' : 'SOCIAL_CARE_RECORD', occurredAt: new Date(Date.now() - 7200_000), summary, sensitive,
    },
  });
  return entry.id;
}

export async function share(app: TestApp, email: string, entryId: string, recipient: { org?: string; user?: string }, extra: Record<string, unknown> = {}) {
  const result = await (await as(app, email)).request(SHARE, {
    input: {
      entryId: globalId('ChronologyEntry', entryId),
      ...(recipient.org ? { recipientOrganisationId: globalId('Organisation', recipient.org) } : {}),
      ...(recipient.user ? { recipientUserId: globalId('User', recipient.user) } : {}),
      whatShared: 'Incident log summary', purpose: 'Safeguarding the child at school', lawfulBasis: 'PUBLIC_TASK',
      specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING', consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'WOULD_PREJUDICE_PROTECTION',
      ...extra,
    },
  });
  expect(result.data?.shareCreate?.__typename, result.raw).toBe('ShareSuccess');
  return result.data.shareCreate.share.id as string;
}

export async function buildWorld(app: TestApp): Promise<World> {
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const register = async (givenName: string, familyName: string) => {
    const result = await (await as(app, OAK.dsl)).request(REGISTER, {
      input: { givenName, familyName, dateOfBirth: '2016-05-04', schoolId: globalId('Organisation', oakfield.id) },
    });
    return Buffer.from(result.data.childRegister.child.id, 'base64').toString().split(':')[1]!;
  };
  const childX = await register('Xavier', 'Matrix');
  const childY = await register('Yasmin', 'Quillfeather');

  const schoolConcern = await raise(app, OAK.staff, childX, 'Came to school hungry again');
  const restricted = await raise(app, OAK.dsl, childX, 'Disclosure about a member of staff’s relative');
  const referred = await raise(app, OAK.deputy, childX, 'Bruising seen on both arms');

  const policeIncident = await entryBy(app, POLICE[0]!, childX, 'Police attended the home address', true);
  const sharedWithSchool = await entryBy(app, POLICE[0]!, childX, 'Domestic incident reported', true);
  const sharedWithGp = await entryBy(app, POLICE[0]!, childX, 'Concern about a parent’s drug use', true);
  const revoked = await entryBy(app, POLICE[0]!, childX, 'Intelligence later found wrong', true);
  const expired = await entryBy(app, POLICE[0]!, childX, 'Bail conditions, now ended', true);
  const gp = await app.db.user.findUniqueOrThrow({ where: { email: GP } });

  await share(app, POLICE[0]!, sharedWithSchool, { org: oakfield.id });
  await share(app, POLICE[0]!, sharedWithGp, { user: gp.id });
  const revokedShare = await share(app, POLICE[0]!, revoked, { org: oakfield.id });
  const revokeResult = await (await as(app, POLICE[0]!)).request(REVOKE, { id: revokedShare, reason: 'Intelligence was wrong' });
  expect(revokeResult.data.shareRevoke.__typename).toBe('ShareRevokeSuccess');
  await share(app, POLICE[0]!, expired, { org: oakfield.id }, { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  await app.db.share.updateMany({ where: { entryId: expired }, data: { expiresAt: new Date(Date.now() - 60_000) } });

  const referResult = await (await as(app, OAK.dsl)).request(REFER, { id: globalId('Concern', referred.concernId) });
  expect(referResult.data.concernRefer.__typename, referResult.raw).toBe('ConcernReferSuccess');

  // Restrictions and break-glass have no API yet: written directly.
  const dsl = await app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
  const head = await app.db.user.findUniqueOrThrow({ where: { email: OAK.head } });
  const teamManager = await app.db.user.findUniqueOrThrow({ where: { email: TEAM_MANAGER } });
  await app.db.restriction.create({
    data: {
      partnershipId: dsl.partnershipId, entryId: restricted.entryId, reason: 'Concerns a relative of a member of staff', createdById: dsl.id,
      members: { create: [{ userId: head.id, addedById: dsl.id }] },
    },
  });
  const yEntry = await raise(app, OAK.dsl, childY, 'Child of a member of staff');
  await app.db.restriction.create({
    data: {
      partnershipId: dsl.partnershipId, childId: childY, reason: 'Child of a member of staff', createdById: dsl.id,
      members: { create: [{ userId: dsl.id, addedById: dsl.id }] },
    },
  });
  await app.db.breakGlassGrant.create({
    data: { partnershipId: dsl.partnershipId, userId: teamManager.id, childId: childY, reason: 'Out-of-hours emergency', expiresAt: new Date(Date.now() + 3600_000) },
  });

  const other = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' }, entries: { some: {} } }, include: { entries: true } });

  return {
    childX,
    childY,
    otherChild: other.id,
    oakfieldId: oakfield.id,
    entries: {
      schoolConcern: schoolConcern.entryId,
      restricted: restricted.entryId,
      referred: referred.entryId,
      policeIncident,
      sharedWithSchool,
      sharedWithGp,
      revoked,
      expired,
      restrictedChild: yEntry.entryId,
      otherPartnership: other.entries[0]!.id,
    },
    concerns: { schoolConcern: schoolConcern.concernId, referred: referred.concernId },
  };
}
