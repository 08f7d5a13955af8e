// What must NOT come back, persona group by persona group: fields that are null for a role, records
// that are absent (null, or missing from a list) for people who may not see them, sensitive
// entries that stay with their agency until shared, shares that stop working when revoked, and a
// second partnership nobody in the first can reach. Seeded data plus entries made here.
import type { Child, Role } from '@wraparound/prisma';
import { isObjectType, isInterfaceType, isUnionType, getNamedType, type GraphQLNamedType } from 'graphql';
import { schema } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { signInAs } from '../support/personas.ts';
import { OAK, POLICE, as, globalId } from './fixtures.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id givenName statuses { kind startedOn } } }`;
const ENTRY = /* GraphQL */ `query($id: ID!) { chronologyEntry(id: $id) { id summary detail } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { id } } } }`;
const CONCERNS = /* GraphQL */ `query { concerns(first: 100) { edges { node { id reference } } } }`;
const SHARE = /* GraphQL */ `
  mutation($input: ShareCreateInput!) { shareCreate(input: $input) {
    __typename ... on Error { message } ... on ShareSuccess { share { id } } } }`;
const REVOKE = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { shareRevoke(shareId: $id, reason: $reason) { __typename ... on Error { message } } }`;

const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

/** What the viewer gets back about a child and one of its entries, through every door. */
async function lookAt(client: GraphQLClient, childId: string, entryId?: string) {
  const [child, chronology, entry] = await Promise.all([
    client.request(CHILD, { id: globalId('Child', childId) }),
    client.request(CHRONOLOGY, { id: globalId('Child', childId) }),
    entryId ? client.request(ENTRY, { id: globalId('ChronologyEntry', entryId) }) : Promise.resolve(null),
  ]);
  for (const r of [child, chronology, entry]) expect(r?.errors, r?.raw).toBeUndefined();
  const listed: string[] = (chronology.data.chronology?.edges ?? []).map((e: { node: { id: string } }) => decode(e.node.id));
  return {
    child: child.data.child as { statuses: unknown[] | null } | null,
    chronology: chronology.data.chronology as object | null,
    entry: entry ? (entry.data.chronologyEntry as object | null) : undefined,
    listed: entryId ? listed.includes(entryId) : undefined,
  };
}

async function concernIdsSeenBy(client: GraphQLClient): Promise<string[]> {
  const result = await client.request(CONCERNS);
  expect(result.errors, result.raw).toBeUndefined();
  return result.data.concerns.edges.map((e: { node: { id: string } }) => decode(e.node.id));
}

/** An entry written straight to the database by a practitioner of another agency (no API yet). */
async function entryBy(email: string, childId: string, kind: 'POLICE_INCIDENT' | 'HEALTH_CONTACT', summary: string) {
  const author = await app.db.user.findUniqueOrThrow({ where: { email } });
  const entry = await app.db.chronologyEntry.create({
    data: {
      partnershipId: author.partnershipId, childId, organisationId: author.organisationId, authorId: author.id,
      kind, occurredAt: new Date(Date.now() - 7200_000), summary, detail: `${summary}: detail only its agency holds`, sensitive: true,
    },
  });
  return entry;
}

async function shareWithOrganisation(sharerEmail: string, entryId: string, organisationId: string, condition: string) {
  const result = await (await as(app, sharerEmail)).request(SHARE, {
    input: {
      entryId: globalId('ChronologyEntry', entryId), recipientOrganisationId: globalId('Organisation', organisationId),
      whatShared: 'The record', purpose: "Safeguarding the child at school", lawfulBasis: 'PUBLIC_TASK',
      specialCategoryCondition: condition, consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'WOULD_PREJUDICE_PROTECTION',
    },
  });
  expect(result.data?.shareCreate?.__typename, result.raw).toBe('ShareSuccess');
  return result.data.shareCreate.share.id as string;
}

describe('field level: statuses', () => {
  it("child.statuses is null for the school's staff member and present for its DSLs and the front door", async () => {
    let pupil = await app.db.child.findFirst({
      where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, statuses: { some: {} } },
      include: { statuses: true },
    });
    if (!pupil) {
      // Seeded data normally has one; make sure of it otherwise.
      const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
      const sw = await app.db.user.findFirstOrThrow({ where: { roles: { has: 'SOCIAL_WORKER' }, partnership: { code: 'northmoor' } } });
      await app.db.childStatusPeriod.create({ data: { partnershipId: child.partnershipId, childId: child.id, kind: 'CHILD_IN_NEED', startedOn: new Date('2025-01-06'), recordedById: sw.id } });
      pupil = await app.db.child.findUniqueOrThrow({ where: { id: child.id }, include: { statuses: true } });
    }

    const staff = await lookAt(await as(app, OAK.staff), pupil.id);
    expect(staff.child).not.toBeNull(); // a staff member picks their pupils when raising a concern...
    expect(staff.child!.statuses).toBeNull(); // ...but does not see whether they are on a plan

    for (const email of [OAK.dsl, OAK.deputy, OAK.head, 'social.worker@childrens-services.northmoor.example']) {
      const seen = await lookAt(await as(app, email), pupil.id);
      expect(seen.child?.statuses, email).toHaveLength(pupil.statuses.length);
    }
  });
});

describe('people who run the partnership read no child’s record', () => {
  const roles: Role[] = ['PARTNERSHIP_ADMIN', 'IG_LEAD', 'BUSINESS_MANAGER', 'INDEPENDENT_SCRUTINEER', 'DELEGATED_SAFEGUARDING_PARTNER'];
  let children: (Child & { entries: { id: string }[] })[];

  beforeAll(async () => {
    // A child with concerns and other agencies' entries, and one with only a school concern.
    children = [
      await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' }, entries: { some: { kind: 'POLICE_INCIDENT' } } }, include: { entries: true } }),
      await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' }, entries: { some: { kind: 'CONCERN' } } }, include: { entries: true } }),
    ];
  });

  it.each(roles)('%s: child null, chronology null, no entry, and an empty concerns list', async (role) => {
    const client = await signInAs(app, role);
    for (const child of children) {
      const seen = await lookAt(client, child.id, child.entries[0]!.id);
      expect(seen, `${role} ${child.id}`).toEqual({ child: null, chronology: null, entry: null, listed: false });
    }
    expect(await concernIdsSeenBy(client)).toEqual([]);
  });
});

describe('sensitive entries stay with their agency until shared', () => {
  it("a school DSL does not see a police or health entry about their own pupil unless it is shared", async () => {
    // A seeded pupil that police and health know too (made here if the seed has none).
    let pupil = await app.db.child.findFirst({
      where: {
        partnership: { code: 'northmoor' }, schoolId: { not: null }, restrictions: { none: {} },
        AND: [{ entries: { some: { kind: 'POLICE_INCIDENT', sensitive: true } } }, { entries: { some: { kind: 'HEALTH_CONTACT', sensitive: true } } }],
      },
    });
    if (!pupil) pupil = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
    const police = (await app.db.chronologyEntry.findFirst({ where: { childId: pupil.id, kind: 'POLICE_INCIDENT', sensitive: true }, include: { author: true } }))
      ?? { ...(await entryBy(POLICE[0]!, pupil.id, 'POLICE_INCIDENT', 'Police attended the home')), author: await app.db.user.findUniqueOrThrow({ where: { email: POLICE[0]! } }) };
    const health = (await app.db.chronologyEntry.findFirst({ where: { childId: pupil.id, kind: 'HEALTH_CONTACT', sensitive: true }, include: { author: true } }))
      ?? { ...(await entryBy('gp@moorside-surgery.northmoor.example', pupil.id, 'HEALTH_CONTACT', 'Missed immunisations')), author: await app.db.user.findUniqueOrThrow({ where: { email: 'gp@moorside-surgery.northmoor.example' } }) };
    const dslUser = await app.db.user.findFirstOrThrow({ where: { organisationId: pupil.schoolId!, roles: { has: 'DSL' } } });
    const dsl = await as(app, dslUser.email);

    // Their own pupil: the child is visible, the police and health records are not.
    for (const entry of [police, health]) {
      const seen = await lookAt(dsl, pupil.id, entry.id);
      expect(seen.child).not.toBeNull();
      expect(seen.chronology).not.toBeNull();
      expect({ entry: seen.entry, listed: seen.listed }, entry.kind).toEqual({ entry: null, listed: false });
    }

    // Police share their record with the school: that one, and only that one, becomes visible.
    await shareWithOrganisation(police.author.email, police.id, pupil.schoolId!, 'DPA_SCH8_PARA4_SAFEGUARDING');
    expect(await lookAt(dsl, pupil.id, police.id)).toMatchObject({ entry: { id: globalId('ChronologyEntry', police.id) }, listed: true });
    expect(await lookAt(dsl, pupil.id, health.id)).toMatchObject({ entry: null, listed: false });

    await shareWithOrganisation(health.author.email, health.id, pupil.schoolId!, 'DPA_SCH1_PARA18_SAFEGUARDING');
    expect(await lookAt(dsl, pupil.id, health.id)).toMatchObject({ entry: { id: globalId('ChronologyEntry', health.id) }, listed: true });
  });

  it('a revoked share stops a previously visible entry, for every reader at the school', async () => {
    const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const pupil = await app.db.child.findFirstOrThrow({ where: { schoolId: oakfield.id, restrictions: { none: {} } }, orderBy: { id: 'desc' } });
    const entry = await entryBy(POLICE[0]!, pupil.id, 'POLICE_INCIDENT', 'Domestic incident at the home address');
    const shareId = await shareWithOrganisation(POLICE[0]!, entry.id, oakfield.id, 'DPA_SCH8_PARA4_SAFEGUARDING');

    for (const email of [OAK.dsl, OAK.deputy, OAK.head]) {
      expect(await lookAt(await as(app, email), pupil.id, entry.id), email).toMatchObject({ entry: { summary: entry.summary }, listed: true });
    }
    // The staff member is not one of the school's record readers: a share to the school is not to them.
    expect(await lookAt(await as(app, OAK.staff), pupil.id, entry.id)).toMatchObject({ entry: null, listed: false });

    const revoked = await (await as(app, POLICE[0]!)).request(REVOKE, { id: shareId, reason: 'Shared with the wrong school' });
    expect(revoked.data.shareRevoke.__typename, revoked.raw).toBe('ShareRevokeSuccess');
    for (const email of [OAK.dsl, OAK.deputy, OAK.head]) {
      expect(await lookAt(await as(app, email), pupil.id, entry.id), email).toMatchObject({ entry: null, listed: false });
    }
    // The police still hold it.
    expect(await lookAt(await as(app, POLICE[0]!), pupil.id, entry.id)).toMatchObject({ listed: true });
  });
});

describe('another partnership', () => {
  it('no persona of Northmoor sees anything of Otherby: children, chronologies, concerns, entries, restrictions', async () => {
    const children = await app.db.child.findMany({ where: { partnership: { code: 'otherby' } }, include: { entries: { include: { concern: true } } } });
    const entries = children.flatMap((c) => c.entries);
    const concerns = entries.flatMap((e) => (e.concern ? [e.concern.id] : []));
    expect(children.length).toBeGreaterThan(0);
    expect(entries.length).toBeGreaterThan(0);

    // The ids are real: Otherby's own DSL sees at least one of their children and entries.
    const otherbyDsl = await as(app, 'dsl@otherby-primary.otherby.example');
    const own = await Promise.all(children.map((c) => lookAt(otherbyDsl, c.id)));
    expect(own.some((s) => s.child !== null)).toBe(true);

    // A few documents per person, every door at once (aliases, within the server's limit of 20 a
    // document), so all 32 people stay quick.
    const fields = [
      ...children.flatMap((c, i) => [
        `c${i}: child(id: "${globalId('Child', c.id)}") { id }`,
        `h${i}: chronology(childId: "${globalId('Child', c.id)}", first: 100) { edges { node { id } } }`,
        `r${i}: restrictions(childId: "${globalId('Child', c.id)}") { id }`,
      ]),
      ...entries.map((e, i) => `e${i}: chronologyEntry(id: "${globalId('ChronologyEntry', e.id)}") { id }`),
      'concerns(first: 100) { edges { node { id } } }',
    ];
    const documents: string[] = [];
    for (let i = 0; i < fields.length; i += 15) documents.push(`query { ${fields.slice(i, i + 15).join('\n')} }`);
    const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { email: 'asc' } });
    expect(users.length).toBeGreaterThanOrEqual(32);
    const failures: string[] = [];
    for (const user of users) {
      const client = await as(app, user.email);
      const results = await Promise.all(documents.map((d) => client.request(d)));
      for (const r of results) if (r.errors) failures.push(`${user.email}: ${r.raw}`);
      const data = Object.assign({}, ...results.map((r) => r.data ?? {}));
      for (const [alias, value] of Object.entries(data)) {
        if (alias === 'concerns') {
          const ids = (value as { edges: { node: { id: string } }[] }).edges.map((e) => decode(e.node.id));
          if (ids.some((id) => concerns.includes(id))) failures.push(`${user.email} lists an Otherby concern`);
        } else if (alias.startsWith('r')) {
          if ((value as unknown[]).length !== 0) failures.push(`${user.email} lists Otherby restrictions (${alias})`);
        } else if (value !== null) {
          failures.push(`${user.email} sees ${alias}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 90_000); // 32 sign-ins: argon2 is slow on purpose
});

describe('restrictions and break-glass grants in the schema', () => {
  it('give the child and the entry as ids, never as records that would bypass the read rules', () => {
    // Everything reachable from these types (the IG lead lists both, and cannot read a child).
    const forbidden = new Set(['Child', 'ChronologyEntry', 'Concern', 'ChildStatus', 'Share', 'Referral']);
    const seen = new Set<string>();
    const walk = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (isUnionType(type)) type.getTypes().forEach(walk);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) walk(getNamedType(field.type));
      }
    };
    for (const name of ['Restriction', 'BreakGlassGrant']) walk(schema.getType(name)!);
    expect([...seen].filter((name) => forbidden.has(name))).toEqual([]);
  });
});
