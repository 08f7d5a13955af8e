// The sharing decisions on an entry, over GraphQL: listed, with recipients and deciders by name,
// to the people who may make them (the holding organisation's record readers) and to nobody else,
// not even the recipient of a share; every listing audited; a constant number of SQL round trips.
// Decisions not to share are recorded with their reasons and listed beside the shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { GP, OAK, OTHERBY_DSL, POLICE, SHARE, as, buildWorld, everyone, globalId, type World } from '../access/fixtures.ts';

const SHARES = /* GraphQL */ `
  query($id: ID!) { entryShares(entryId: $id) {
    id decision whatShared purpose lawfulBasis specialCategoryCondition consentStatus consentNotSoughtReason consentNote
    reasonNotShared decidedAt expiresAt revokedAt revokeReason live
    recipientOrganisation { name agencyType } recipientUser { displayName } decidedBy { displayName } revokedBy { displayName } } }`;
const DECLINE = /* GraphQL */ `
  mutation($input: ShareDeclineInput!) { shareDecline(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ShareSuccess { share { id decision reasonNotShared } } } }`;

let app: TestApp;
let world: World;
let personas: string[];
beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  personas = await everyone(app);
});
afterAll(() => app?.close());

const entry = (key: string) => globalId('ChronologyEntry', world.entries[key]!);
const displayName = async (email: string) => (await app.db.user.findUniqueOrThrow({ where: { email } })).displayName;

describe('the sharing decisions on an entry', () => {
  it('are listed to the holding organisation with recipients, deciders and state', async () => {
    const officer = await as(app, POLICE[0]!);
    const shared = await officer.request(SHARES, { id: entry('sharedWithSchool') });
    expect(shared.errors).toBeUndefined();
    expect(shared.data.entryShares).toEqual([
      expect.objectContaining({
        decision: 'SHARE', whatShared: 'Incident log summary', purpose: 'Safeguarding the child at school', lawfulBasis: 'PUBLIC_TASK',
        specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING', consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'WOULD_PREJUDICE_PROTECTION',
        live: true, revokedAt: null, revokedBy: null, recipientUser: null,
        recipientOrganisation: { name: 'Oakfield Primary School', agencyType: 'SCHOOL' },
        decidedBy: { displayName: await displayName(POLICE[0]!) },
      }),
    ]);

    const toGp = (await officer.request(SHARES, { id: entry('sharedWithGp') })).data.entryShares;
    expect(toGp).toEqual([expect.objectContaining({ recipientOrganisation: null, recipientUser: { displayName: await displayName(GP) }, live: true })]);

    const revoked = (await officer.request(SHARES, { id: entry('revoked') })).data.entryShares;
    expect(revoked).toEqual([expect.objectContaining({
      live: false, revokeReason: 'Intelligence was wrong', revokedBy: { displayName: await displayName(POLICE[0]!) },
    })]);
    expect(revoked[0].revokedAt).not.toBeNull();

    // Expired: not live, yet never withdrawn.
    const expired = (await officer.request(SHARES, { id: entry('expired') })).data.entryShares;
    expect(expired).toEqual([expect.objectContaining({ live: false, revokedAt: null })]);

    // Never shared: an empty list, not null.
    expect((await officer.request(SHARES, { id: entry('policeIncident') })).data.entryShares).toEqual([]);
  });

  it('are read by exactly the people who may make them; everyone else gets null, as for a missing entry', async () => {
    const failures: string[] = [];
    for (const email of personas) {
      const result = await (await as(app, email)).request(SHARES, { id: entry('sharedWithSchool') });
      const listed = Array.isArray(result.data?.entryShares);
      // The police team that holds the entry; not the school it was shared with (its DSL reads the
      // entry but decides nothing about it), not the MASH police researcher of another police organisation.
      if (listed !== POLICE.includes(email)) failures.push(`${email}: ${result.raw}`);
    }
    expect(failures).toEqual([]);

    // The recipient of a share to a person, another partnership's DSL, a school staff member with no
    // record access and an unknown id: all null, none an error.
    const dsl = await as(app, OAK.dsl);
    expect((await dsl.request(SHARES, { id: entry('sharedWithSchool') })).data).toEqual({ entryShares: null });
    expect((await (await as(app, GP)).request(SHARES, { id: entry('sharedWithGp') })).data).toEqual({ entryShares: null });
    expect((await (await as(app, OTHERBY_DSL)).request(SHARES, { id: entry('otherPartnership') })).data.entryShares).toEqual([]);
    expect((await dsl.request(SHARES, { id: entry('otherPartnership') })).data).toEqual({ entryShares: null });
    expect((await (await as(app, OAK.staff)).request(SHARES, { id: entry('schoolConcern') })).data).toEqual({ entryShares: null });
    expect((await dsl.request(SHARES, { id: globalId('ChronologyEntry', '00000000-0000-7000-8000-000000000000') })).data).toEqual({ entryShares: null });
    expect((await dsl.request(SHARES, { id: globalId('Child', world.childX) })).data).toEqual({ entryShares: null });
  });

  it('follow restrictions: only a named person at the holding school reads the decisions on a restricted entry', async () => {
    expect((await (await as(app, OAK.dsl)).request(SHARES, { id: entry('restricted') })).data).toEqual({ entryShares: null });
    expect((await (await as(app, OAK.head)).request(SHARES, { id: entry('restricted') })).data.entryShares).toEqual([]);
  });

  it('record a decision not to share, with its reasons, and list it beside the shares', async () => {
    const head = await as(app, OAK.head);
    const gp = await app.db.user.findUniqueOrThrow({ where: { email: GP } });
    const empty = await head.request(DECLINE, { input: { entryId: entry('schoolConcern'), recipientUserId: globalId('User', gp.id), purpose: ' ', reasonNotShared: '' } });
    expect(empty.data.shareDecline).toEqual({
      __typename: 'ValidationError', message: expect.any(String),
      fieldErrors: expect.arrayContaining([
        { field: 'purpose', message: 'Enter what the information was wanted for' },
        { field: 'reasonNotShared', message: 'Enter why you decided not to share' },
      ]),
    });
    const nobody = await head.request(DECLINE, { input: { entryId: entry('schoolConcern'), purpose: 'A GP review', reasonNotShared: 'Not relevant' } });
    expect(nobody.data.shareDecline.fieldErrors).toEqual([{ field: 'recipientOrganisationId', message: 'Choose one organisation or one person to share with' }]);
    // The school staff member who wrote the concern reads it, but decides nothing about sharing it.
    const staff = await (await as(app, OAK.staff)).request(DECLINE, {
      input: { entryId: entry('schoolConcern'), recipientUserId: globalId('User', gp.id), purpose: 'A GP review', reasonNotShared: 'Not relevant' },
    });
    expect(staff.data.shareDecline.__typename).toBe('NotFoundError');

    const declined = await head.request(DECLINE, {
      input: {
        entryId: entry('schoolConcern'), recipientUserId: globalId('User', gp.id), purpose: 'A GP asked for the school’s concerns before a review',
        reasonNotShared: 'Not relevant to the review, and the family have not been told yet',
      },
    });
    expect(declined.data.shareDecline).toMatchObject({ __typename: 'ShareSuccess', share: { decision: 'NOT_SHARE' } });

    const listed = (await head.request(SHARES, { id: entry('schoolConcern') })).data.entryShares;
    expect(listed).toEqual([expect.objectContaining({
      decision: 'NOT_SHARE', live: false, purpose: 'A GP asked for the school’s concerns before a review', lawfulBasis: null, consentStatus: null,
      reasonNotShared: 'Not relevant to the review, and the family have not been told yet', recipientUser: { displayName: gp.displayName },
      decidedBy: { displayName: await displayName(OAK.head) },
    })]);
    // The GP was told nothing: nothing was shared, and the entry stays out of their reach.
    expect((await (await as(app, GP)).request(`query($id: ID!) { chronologyEntry(id: $id) { id } }`, { id: entry('schoolConcern') })).data.chronologyEntry).toBeNull();
  });

  it('are audited when listed (the ids shown), and not when refused', async () => {
    const officer = await app.db.user.findUniqueOrThrow({ where: { email: POLICE[1]! } });
    const dsl = await app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
    const since = new Date();
    await (await as(app, POLICE[1]!)).request(SHARES, { id: entry('sharedWithSchool') });
    await (await as(app, OAK.dsl)).request(SHARES, { id: entry('sharedWithSchool') });
    const events = await app.db.auditEvent.findMany({ where: { action: 'share.list', occurredAt: { gte: since } } });
    const share = await app.db.share.findFirstOrThrow({ where: { entryId: world.entries.sharedWithSchool! } });
    expect(events.map((e) => ({ actor: e.actorUserId, subject: e.subjectId, child: e.childId, detail: e.detail }))).toEqual([
      { actor: officer.id, subject: world.entries.sharedWithSchool, child: world.childX, detail: { shareIds: [share.id] } },
    ]);
    expect(events.some((e) => e.actorUserId === dsl.id)).toBe(false);
  });

  it('cost as many SQL round trips for twelve decisions as for two', async () => {
    const officer = await as(app, POLICE[0]!);
    const oakfield = world.oakfieldId;
    const organisations = await app.db.organisation.findMany({ where: { partnership: { code: 'northmoor' }, NOT: { agencyType: 'POLICE' } }, take: 10 });
    const users = await app.db.user.findMany({ where: { email: { in: [GP, OAK.dsl] } } });
    const entryId = world.entries.policeIncident!;
    const share = async (recipient: Record<string, string>) => {
      const result = await officer.request(SHARE, {
        input: {
          entryId: globalId('ChronologyEntry', entryId), ...recipient, whatShared: 'The incident', purpose: 'Safeguarding',
          lawfulBasis: 'PUBLIC_TASK', specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING', consentStatus: 'GIVEN',
        },
      });
      expect(result.data.shareCreate.__typename, result.raw).toBe('ShareSuccess');
    };
    await share({ recipientOrganisationId: globalId('Organisation', oakfield) });
    await share({ recipientUserId: globalId('User', users[0]!.id) });

    const count = async () => {
      app.queries.length = 0;
      const result = await officer.request(SHARES, { id: globalId('ChronologyEntry', entryId) });
      expect(result.errors).toBeUndefined();
      return { listed: result.data.entryShares.length, queries: app.queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.trim()) && !/^UPDATE "public"\."session"/.test(q.trim())).length };
    };
    const small = await count();
    for (const o of organisations.filter((o) => o.id !== oakfield).slice(0, 8)) await share({ recipientOrganisationId: globalId('Organisation', o.id) });
    await share({ recipientUserId: globalId('User', users[1]!.id) });
    await share({ recipientUserId: globalId('User', users[0]!.id) });
    const large = await count();
    expect(small.listed).toBe(2);
    expect(large.listed).toBe(12);
    expect(large.queries).toBe(small.queries);
    // Pinned (the session, the entry check, the decisions, their audit, organisations, people), so a
    // change that adds a query shows in review. The people and organisation loaders take the fields'
    // selection, so their rows need no second query for their fields.
    expect(small.queries).toBe(6);
  });
});
