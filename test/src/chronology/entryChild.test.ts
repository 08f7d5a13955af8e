// ChronologyEntry.child, over GraphQL: whoever may read an entry is told whose it is (the entry
// page keeps the child in view), through the child's own read rules and never around them; an
// entry someone may not read gives them nothing, the child included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, OAK, OTHERBY_DSL, POLICE, TEAM_MANAGER, as, buildWorld, globalId, type World } from '../access/fixtures.ts';

const ENTRY = /* GraphQL */ `
  query($id: ID!) { chronologyEntry(id: $id) { id summary child { id givenName familyName dateOfBirth nhsNumber upn school { name } } } }`;
const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id } }`;

// The author, the holding organisation's readers, a restriction's member, a person and an
// organisation shared with, the front door, a break-glass holder, and another partnership.
const PEOPLE = [OAK.staff, OAK.dsl, OAK.head, POLICE[0]!, GP, FRONT_DOOR[1]!, TEAM_MANAGER, OTHERBY_DSL];

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app?.close());

describe('the child of a chronology entry', () => {
  it('is the entry’s child, with who they are, for a staff member reading the concern they raised', async () => {
    const staff = await as(app, OAK.staff);
    const seen = await staff.request(ENTRY, { id: globalId('ChronologyEntry', world.entries.schoolConcern!) });
    expect(seen.errors, seen.raw).toBeUndefined();
    expect(seen.data.chronologyEntry.child).toEqual({
      id: globalId('Child', world.childX), givenName: 'Xavier', familyName: 'Matrix', dateOfBirth: '2016-05-04',
      nhsNumber: null, upn: null, school: { name: 'Oakfield Primary School' },
    });
  });

  it('is given exactly to those who may read both the entry and the child, and to nobody else', async () => {
    const childOf = new Map((await app.db.chronologyEntry.findMany({ where: { id: { in: Object.values(world.entries) } } })).map((e) => [e.id, e.childId]));
    const failures: string[] = [];
    let read = 0;
    for (const email of PEOPLE) {
      const client = await as(app, email);
      for (const [key, entryId] of Object.entries(world.entries)) {
        const childId = childOf.get(entryId)!;
        const entry = (await client.request(ENTRY, { id: globalId('ChronologyEntry', entryId) })).data?.chronologyEntry;
        if (!entry) continue;
        read++;
        // The truth is the child rules themselves: what a read of the child's record gives this person.
        const mayReadChild = (await client.request(CHILD, { id: globalId('Child', childId) })).data?.child != null;
        const expected = mayReadChild ? globalId('Child', childId) : null;
        if ((entry.child?.id ?? null) !== expected) failures.push(`${email} ${key}: child ${entry.child?.id ?? 'null'}, expected ${expected ?? 'null'}`);
      }
    }
    expect(failures).toEqual([]);
    expect(read, 'entries read at all').toBeGreaterThan(PEOPLE.length);
    expect(app.serverErrors).toEqual([]);
  });

  it('is not given with an entry the person may not read', async () => {
    const other = await as(app, OTHERBY_DSL);
    const seen = await other.request(ENTRY, { id: globalId('ChronologyEntry', world.entries.schoolConcern!) });
    expect(seen.data.chronologyEntry).toBeNull();
    const gp = await as(app, GP);
    const revoked = await gp.request(ENTRY, { id: globalId('ChronologyEntry', world.entries.revoked!) });
    expect(revoked.data.chronologyEntry).toBeNull();
  });
});
