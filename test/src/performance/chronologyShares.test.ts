// The chronology asks its share grant among the shares of the children it lists (the child and the
// records merged into it), so that PostgreSQL looks up a few shares instead of hashing every share
// to the reader's organisation. That is the same answer only while a share's child is its entry's
// and an entry stays with its child: the database holds both, and a share made on a merged
// record's entry still shows in the kept record's chronology.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, POLICE, SHARE, as, globalId } from '../access/fixtures.ts';

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const MERGE = /* GraphQL */ `
  mutation($keep: ID!, $merge: ID!, $reason: String!) { childMerge(keepChildId: $keep, mergeChildId: $merge, reason: $reason) { __typename } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { summary } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

async function policeEntry(childId: string, summary: string) {
  const officer = await app.db.user.findUniqueOrThrow({ where: { email: POLICE[0]! } });
  return app.db.chronologyEntry.create({
    data: {
      partnershipId: officer.partnershipId, childId, organisationId: officer.organisationId, authorId: officer.id,
      kind: 'POLICE_INCIDENT', occurredAt: new Date(Date.now() - 3600_000), summary, sensitive: true,
    },
  });
}

it('shows a share made on a merged record’s entry in the kept record’s chronology, and no unshared entry', async () => {
  const dsl = await as(app, OAK.dsl);
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const register = async (givenName: string, extra: Record<string, unknown> = {}) =>
    (await dsl.request(REGISTER, { input: { givenName, familyName: 'Sharewell', dateOfBirth: '2015-06-06', schoolId: globalId('Organisation', oakfield.id), ...extra } }))
      .data.childRegister.child.id as string;
  const keep = await register('Imogen');
  const merge = await register('Imogene', { confirmNotDuplicate: true });

  const shared = await policeEntry(rawId(merge), 'Shared before the records were merged');
  await policeEntry(rawId(merge), 'Police only, never shared');
  const result = await (await as(app, POLICE[0]!)).request(SHARE, {
    input: {
      entryId: globalId('ChronologyEntry', shared.id), recipientOrganisationId: globalId('Organisation', oakfield.id),
      whatShared: 'Incident summary', purpose: 'Safeguarding the child at school', lawfulBasis: 'PUBLIC_TASK',
      specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING', consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'WOULD_PREJUDICE_PROTECTION',
    },
  });
  expect(result.data.shareCreate.__typename, result.raw).toBe('ShareSuccess');

  const summaries = async (childId: string) =>
    (await dsl.request(CHRONOLOGY, { id: childId })).data.chronology.edges.map((e: { node: { summary: string } }) => e.node.summary);
  expect(await summaries(merge)).toContain('Shared before the records were merged');

  const merged = await (await as(app, FRONT_DOOR[0]!)).request(MERGE, { keep, merge, reason: 'Same child: first name misspelt' });
  expect(merged.data.childMerge.__typename, merged.raw).toBe('ChildMergeSuccess');
  const kept = await summaries(keep);
  expect(kept).toContain('Shared before the records were merged');
  expect(kept).not.toContain('Police only, never shared');
});

it('refuses a share whose child is not its entry’s, and an entry moved to another child', async () => {
  const entry = await app.db.chronologyEntry.findFirstOrThrow({ where: { shares: { some: {} } }, include: { shares: true } });
  const other = await app.db.child.findFirstOrThrow({ where: { partnershipId: entry.partnershipId, id: { not: entry.childId } } });
  const share = entry.shares[0]!;
  await expect(app.db.share.update({ where: { id: share.id }, data: { childId: other.id } })).rejects.toThrow(/share's child must be its entry's/);
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = share;
  await expect(app.db.share.create({ data: { ...copy, childId: other.id } as never })).rejects.toThrow(/share's child must be its entry's/);
  await expect(app.db.chronologyEntry.update({ where: { id: entry.id }, data: { childId: other.id } })).rejects.toThrow(/entry's child does not change/);
  expect((await app.db.share.findUniqueOrThrow({ where: { id: share.id } })).childId).toBe(entry.childId);
});
