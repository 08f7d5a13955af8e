// Query plans are compiled once per shape and reused with each request's own values
// (prisma/src/planCache.ts): people who send the same operation get their own answers, the same
// as with every query compiled afresh, and the compiler is not asked again.
import { planCacheStats, setPlanCacheMode } from '@wraparound/prisma';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, OTHERBY_DSL, as, buildWorld, globalId, type World } from '../access/fixtures.ts';

const CONCERNS = /* GraphQL */ `
  query { concerns(first: 50) { edges { node { id reference entry { summary organisation { name } author { displayName } } } } } }`;
const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!) { chronology(childId: $id, first: 50) { edges { node { id summary organisation { name } } } } }`;

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => {
  setPlanCacheMode('verify');
  return app?.close();
});

it("reuses a shape's plan for another person's values, and answers as a freshly compiled plan does", async () => {
  // Three DSLs: the same rules, so the same shapes, with another school's and another
  // partnership's ids. Only Oakfield's DSL may see Oakfield's child and concerns: a plan reused
  // with the wrong values would show them to the others.
  const dsls = [OAK.dsl, 'dsl@st-aidans-primary.northmoor.example', OTHERBY_DSL];
  const read = async (email: string) => {
    const client = await as(app, email);
    const concerns = await client.request(CONCERNS);
    const chronology = await client.request(CHRONOLOGY, { id: globalId('Child', world.childX) });
    expect(concerns.errors).toBeUndefined();
    expect(chronology.errors).toBeUndefined();
    return { concerns: concerns.data.concerns.edges.map((e: any) => e.node), chronology: chronology.data.chronology };
  };

  setPlanCacheMode('off');
  const fresh = [];
  for (const email of dsls) fresh.push(await read(email));
  expect(fresh[0]!.concerns.length).toBeGreaterThan(0);
  expect(fresh[0]!.chronology.edges.length).toBeGreaterThan(0);
  expect(fresh[1]!.chronology).toBeNull();
  expect(fresh[2]!.chronology).toBeNull();
  // Otherby's DSL sees Otherby's concerns, none of Oakfield's.
  const oakfield = new Set(fresh[0]!.concerns.map((c: { id: string }) => c.id));
  expect(fresh[2]!.concerns.length).toBeGreaterThan(0);
  expect(fresh[2]!.concerns.filter((c: { id: string }) => oakfield.has(c.id))).toEqual([]);

  setPlanCacheMode('on');
  // A shape is made a template the second time it is seen.
  expect(await read(dsls[0]!)).toEqual(fresh[0]);
  expect(await read(dsls[0]!)).toEqual(fresh[0]);
  const before = { ...planCacheStats };
  expect(await read(dsls[1]!)).toEqual(fresh[1]);
  expect(await read(dsls[2]!)).toEqual(fresh[2]);
  expect(planCacheStats.hits).toBeGreaterThan(before.hits);
  expect(planCacheStats.misses).toBe(before.misses);
  expect(planCacheStats.uncacheable).toBe(before.uncacheable);
});

it('the tests run with every reused plan checked against the compiler (PRISMA_PLAN_CACHE=verify)', async () => {
  setPlanCacheMode('verify');
  const verified = planCacheStats.verified;
  await (await as(app, OAK.dsl)).request(CONCERNS);
  expect(process.env.PRISMA_PLAN_CACHE).toBe('verify');
  expect(planCacheStats.verified).toBeGreaterThan(verified);
});
