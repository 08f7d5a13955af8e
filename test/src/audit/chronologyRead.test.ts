// Every page of a chronology someone reads is on the record: the information-governance lead sees,
// in the child's access log, who read it and exactly which entries it showed them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as, globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';

const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!, $after: String) { chronology(childId: $id, first: 3, after: $after) {
    edges { node { id } } pageInfo { endCursor hasNextPage } } }`;
const LOG = /* GraphQL */ `
  query($id: ID!) { childAccessLog(childId: $id, first: 5) { edges { node { action childId entriesShown actor { email } } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('reading a chronology', () => {
  it('records each page read with the ids of the entries it showed, for the IG lead to see', async () => {
    // An Oakfield pupil with more than one page of the school's own entries.
    const [busiest] = await app.db.chronologyEntry.groupBy({
      by: ['childId'],
      where: { organisation: { name: 'Oakfield Primary School' }, child: { restrictions: { none: {} } } },
      _count: { _all: true },
      orderBy: { _count: { childId: 'desc' } },
      take: 1,
    });
    expect(busiest!._count._all).toBeGreaterThan(3);
    const childId = globalId('Child', busiest!.childId);
    const dsl = await as(app, OAK.dsl);

    const first = (await dsl.request(CHRONOLOGY, { id: childId })).data.chronology;
    const second = (await dsl.request(CHRONOLOGY, { id: childId, after: first.pageInfo.endCursor })).data.chronology;
    const ids = (page: { edges: { node: { id: string } }[] }) => page.edges.map((e) => e.node.id);
    expect(ids(first)).toHaveLength(3);
    expect(ids(second).length).toBeGreaterThan(0);

    const log = (await (await as(app, EMAIL.igLead)).request(LOG, { id: childId })).data.childAccessLog;
    const reads = log.edges.map((e: { node: unknown }) => e.node).filter((n: { action: string }) => n.action === 'chronology.read');
    // Newest first: the second page, then the first.
    expect(reads.slice(0, 2)).toEqual([
      { action: 'chronology.read', childId, entriesShown: ids(second), actor: { email: OAK.dsl } },
      { action: 'chronology.read', childId, entriesShown: ids(first), actor: { email: OAK.dsl } },
    ]);
  });

  it('shows the entry ids to nobody but the IG lead', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' } } });
    const log = await (await as(app, OAK.dsl)).request(LOG, { id: globalId('Child', child.id) });
    expect(log.data.childAccessLog.edges).toEqual([]);
  });
});
