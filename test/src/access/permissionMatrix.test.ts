// The permission matrix: every seeded person (a user for every role of every agency type, and one
// from another partnership) against every situation an entry can be in. One table says who may
// read; the same table is asserted through single reads, through the chronology list, and for
// sharing. A refused record behaves exactly as one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  FRONT_DOOR, GP, MASH_POLICE, OAK, OAK_READERS, OTHERBY_DSL, POLICE, SHARE, TEAM_MANAGER,
  as, buildWorld, everyone, globalId, type World,
} from './fixtures.ts';

/** Who may read each entry. Everyone else must be refused. */
const READERS: Record<string, string[]> = {
  schoolConcern: [...OAK_READERS, OAK.staff], // its school's DSLs and head, and its author
  policeIncident: POLICE, // its own organisation only: sensitive, never shared
  sharedWithSchool: [...POLICE, ...OAK_READERS], // shared with the school: its record readers, not its staff member
  sharedWithGp: [...POLICE, GP], // shared with one person
  revoked: POLICE, // shared, then the share withdrawn
  expired: POLICE, // shared until a time now past
  restricted: [OAK.head], // restricted to named people: not even its author or the DSL who is not named
  referred: [...OAK_READERS, ...FRONT_DOOR], // referred: the front door sees it
  restrictedChild: [OAK.dsl, TEAM_MANAGER], // child restricted to the DSL; the team manager broke the glass
  otherPartnership: [OTHERBY_DSL], // never crosses partnerships
};

/** Who may see each child's record. */
const CHILD_READERS: Record<'childX' | 'childY', string[]> = {
  // the school's people, the front door (social care and the MASH police researcher), the police
  // who hold entries about the child, and the GP an entry was shared with
  childX: [...Object.values(OAK), ...FRONT_DOOR, MASH_POLICE, ...POLICE, GP],
  childY: [OAK.dsl, TEAM_MANAGER],
};

/** Who may make sharing decisions about the school's concern: the school's record readers. */
const SHARERS = OAK_READERS;

let app: TestApp;
let world: World;
let personas: string[];

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  personas = await everyone(app);
});
afterAll(() => app?.close());

const ENTRY = /* GraphQL */ `query($id: ID!) { chronologyEntry(id: $id) { id summary } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { id } } } }`;
const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id givenName } }`;

const idOfNode = (node: { id: string }) => Buffer.from(node.id, 'base64').toString().split(':')[1]!;

describe('permission matrix', () => {
  it('covers a user for every role and someone from another partnership', () => {
    expect(personas.length).toBeGreaterThanOrEqual(28);
  });

  it('single reads: each entry is readable by exactly its readers; refused reads look like missing records', async () => {
    const failures: string[] = [];
    for (const email of personas) {
      const client = await as(app, email);
      for (const [situation, entryId] of Object.entries(world.entries)) {
        const allowed = READERS[situation]!.includes(email);
        const result = await client.request(ENTRY, { id: globalId('ChronologyEntry', entryId) });
        if (result.errors) failures.push(`${email} ${situation}: ${result.raw}`);
        const visible = result.data?.chronologyEntry != null;
        if (visible !== allowed) failures.push(`${email} ${situation}: expected ${allowed ? 'readable' : 'refused'}`);
      }
      // A made-up id answers exactly like a refused one.
      const missing = await client.request(ENTRY, { id: globalId('ChronologyEntry', '00000000-0000-7000-8000-000000000000') });
      expect(missing.data).toEqual({ chronologyEntry: null });
    }
    expect(failures).toEqual([]);

    // Every successful read left exactly one audit row naming the entry; refusals left none.
    const reads = await app.db.auditEvent.findMany({ where: { action: 'entry.read' }, include: { actor: true } });
    for (const email of personas) {
      const expected = Object.entries(READERS).filter(([, readers]) => readers.includes(email)).map(([situation]) => world.entries[situation]).sort();
      const logged = reads.filter((r) => r.actor?.email === email).map((r) => r.subjectId).sort();
      expect(logged, email).toEqual(expected);
    }
  }, 180_000);

  it('lists: each child’s chronology lists exactly the entries the person may read', async () => {
    const failures: string[] = [];
    const byChild: Record<string, string[]> = {
      [world.childX]: Object.keys(READERS).filter((k) => !['restrictedChild', 'otherPartnership'].includes(k)),
      [world.childY]: ['restrictedChild'],
      [world.otherChild]: ['otherPartnership'],
    };
    for (const email of personas) {
      const client = await as(app, email);
      for (const [childId, situations] of Object.entries(byChild)) {
        const result = await client.request(CHRONOLOGY, { id: globalId('Child', childId) });
        if (result.errors) failures.push(`${email}: ${result.raw}`);
        const listed = new Set((result.data?.chronology?.edges ?? []).map((e: { node: { id: string } }) => idOfNode(e.node)));
        for (const situation of situations) {
          const entryId = world.entries[situation]!;
          if (listed.has(entryId) !== READERS[situation]!.includes(email)) {
            failures.push(`${email} ${situation}: ${listed.has(entryId) ? 'listed but must not be' : 'missing from the list'}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("child records: visible to exactly those who know the child; never across partnerships", async () => {
    const failures: string[] = [];
    for (const email of personas) {
      const client = await as(app, email);
      for (const key of ['childX', 'childY'] as const) {
        const result = await client.request(CHILD, { id: globalId('Child', world[key]) });
        const visible = result.data?.child != null;
        if (visible !== CHILD_READERS[key].includes(email)) failures.push(`${email} ${key}: ${visible ? 'visible' : 'hidden'}`);
      }
      if (email !== OTHERBY_DSL) {
        const other = await client.request(CHILD, { id: globalId('Child', world.otherChild) });
        if (other.data?.child != null) failures.push(`${email} sees a child of another partnership`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sharing: only the holding school’s record readers may share its concern; others are told it does not exist', async () => {
    const failures: string[] = [];
    for (const email of personas) {
      const client = await as(app, email);
      const result = await client.request(SHARE, {
        input: {
          entryId: globalId('ChronologyEntry', world.entries.schoolConcern!),
          recipientOrganisationId: globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'HEALTH', partnership: { code: 'northmoor' } } })).id),
          whatShared: 'The concern', purpose: 'Health assessment', lawfulBasis: 'PUBLIC_TASK', consentStatus: 'GIVEN',
        },
      });
      const outcome = result.data?.shareCreate?.__typename;
      const expected = SHARERS.includes(email) ? 'ShareSuccess' : 'NotFoundError';
      if (outcome !== expected) failures.push(`${email}: ${outcome ?? result.raw}`);
    }
    expect(failures).toEqual([]);
  });
});
