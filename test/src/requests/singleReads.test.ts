// The reads the web app's information-request screens need: the partnership's organisations (to
// choose whom to ask), one agency's row of a request (to answer it, or to read the answer) and one
// request (what a notification about it opens).
// Each is limited by the same rules as the lists: another partnership, another agency's row or a
// person who is neither asked nor asking gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, OAK, OTHERBY_DSL, POLICE, as, globalId } from '../access/fixtures.ts';

const ORGANISATIONS = /* GraphQL */ `query($types: [AgencyType!]) { organisations(agencyTypes: $types) { id name agencyType } }`;
const CREATE = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) {
    __typename ... on InformationRequestCreateSuccess { request { id recipients { id organisation { name } } } } } }`;
const RECIPIENT = /* GraphQL */ `
  query($id: ID!) { informationRequestRecipient(id: $id) { id organisation { name } request { reference question } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('organisations', () => {
  it('lists the viewer’s own partnership’s, by name, optionally of some agency types', async () => {
    const all = (await (await as(app, OAK.staff)).request(ORGANISATIONS, {})).data.organisations as Array<{ name: string; agencyType: string }>;
    const expected = await app.db.organisation.findMany({ where: { partnership: { code: 'northmoor' }, active: true }, orderBy: { name: 'asc' } });
    expect(all.map((o) => o.name)).toEqual(expected.map((o) => o.name));
    const otherby = (await (await as(app, OTHERBY_DSL)).request(ORGANISATIONS, {})).data.organisations as Array<{ name: string }>;
    expect(otherby.some((o) => expected.some((e) => e.name === o.name))).toBe(false);
    const police = (await (await as(app, OAK.dsl)).request(ORGANISATIONS, { types: ['POLICE'] })).data.organisations as Array<{ agencyType: string }>;
    expect(police.length).toBeGreaterThan(0);
    expect(new Set(police.map((o) => o.agencyType))).toEqual(new Set(['POLICE']));
  });
});

describe('informationRequestRecipient', () => {
  it('is read by the asked agency and the requester, and is null for anyone else', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
    const police = await app.db.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police – Public Protection' } });
    const created = await (await as(app, FRONT_DOOR[1]!)).request(CREATE, {
      input: {
        childId: globalId('Child', child.id), rag: 'AMBER', question: 'Any incidents at the home address?', purpose: 'Deciding the response to a referral',
        recipientOrganisationIds: [globalId('Organisation', police.id)],
      },
    });
    expect(created.data?.informationRequestCreate.__typename, created.raw).toBe('InformationRequestCreateSuccess');
    const rowId = created.data.informationRequestCreate.request.recipients[0].id as string;

    for (const email of [POLICE[0]!, FRONT_DOOR[1]!]) {
      const row = (await (await as(app, email)).request(RECIPIENT, { id: rowId })).data.informationRequestRecipient;
      expect(row?.request.question, email).toBe('Any incidents at the home address?');
    }
    for (const email of [GP, OAK.dsl, OTHERBY_DSL]) {
      expect((await (await as(app, email)).request(RECIPIENT, { id: rowId })).data.informationRequestRecipient, email).toBeNull();
    }
    expect((await (await as(app, POLICE[0]!)).request(RECIPIENT, { id: globalId('InformationRequestRecipient', 'nonsense') })).data.informationRequestRecipient).toBeNull();
  });
});

describe('informationRequest', () => {
  const REQUEST = /* GraphQL */ `
    query($id: ID!) { informationRequest(id: $id) { id reference requestingOrganisation { name } recipients { organisation { name } } } }`;

  it('is read by the requester with every agency’s row, by an asked agency with its own row only, and is null for anyone else', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
    const asked = await app.db.organisation.findMany({ where: { name: { in: ['Northmoor Police – Public Protection', 'Moorside Surgery'] } } });
    const created = await (await as(app, FRONT_DOOR[1]!)).request(CREATE, {
      input: {
        childId: globalId('Child', child.id), rag: 'GREEN', question: 'Is the family known to you?', purpose: 'Deciding the response to a referral',
        recipientOrganisationIds: asked.map((o) => globalId('Organisation', o.id)),
      },
    });
    expect(created.data?.informationRequestCreate.__typename, created.raw).toBe('InformationRequestCreateSuccess');
    const id = created.data.informationRequestCreate.request.id as string;
    const read = async (email: string) => (await (await as(app, email)).request(REQUEST, { id })).data.informationRequest;
    const agencies = (r: { recipients: Array<{ organisation: { name: string } }> }) => r.recipients.map((x) => x.organisation.name).sort();

    const requester = await read(FRONT_DOOR[1]!);
    expect(requester.id).toBe(id);
    expect(agencies(requester)).toEqual(['Moorside Surgery', 'Northmoor Police – Public Protection']);
    expect(agencies(await read(POLICE[0]!))).toEqual(['Northmoor Police – Public Protection']);
    expect(agencies(await read(GP))).toEqual(['Moorside Surgery']);
    // Neither asked nor asking, a school staff member, another partnership: as if it did not exist.
    for (const email of [OAK.dsl, OAK.staff, OTHERBY_DSL]) expect(await read(email), email).toBeNull();
    expect((await (await as(app, FRONT_DOOR[1]!)).request(REQUEST, { id: globalId('InformationRequest', 'nonsense') })).data.informationRequest).toBeNull();

    // Each read is audited against the child; a refused one reads nothing and records nothing.
    const rawId = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const audits = await app.db.auditEvent.findMany({ where: { action: 'informationRequest.read', subjectId: rawId }, include: { actor: { select: { email: true } } } });
    expect(audits.map((a) => a.actor?.email).sort()).toEqual([FRONT_DOOR[1]!, GP, POLICE[0]!].sort());
    expect(new Set(audits.map((a) => a.childId))).toEqual(new Set([child.id]));
  });
});
