// Restricting a record to named people, over the real API: an entry restricted by the school that
// holds it, a child's whole record restricted by social care or the IG lead, and lifting. Plus
// the refusals: who may not restrict or lift, and bad input naming its field with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { as, globalId } from '../access/fixtures.ts';
import {
  CONCERNS, EMAIL, LIFT, RESTRICT, RESTRICTIONS, counts, decode, oakfieldPupil, raiseConcern, sees, userId,
} from './support.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const restrictEntry = (entryId: string, memberUserIds: string[], reason = 'Concerns a relative of a member of staff') => ({
  input: { entryId: globalId('ChronologyEntry', entryId), reason, memberUserIds: memberUserIds.map((id) => globalId('User', id)) },
});
const restrictChild = (childId: string, memberUserIds: string[], reason = 'Case under review by the local authority') => ({
  input: { childId: globalId('Child', childId), reason, memberUserIds: memberUserIds.map((id) => globalId('User', id)) },
});

describe('an entry restricted by the school that holds it', () => {
  it('is seen only by its members, in the chronology and by single read; lifting restores access', async () => {
    const child = await oakfieldPupil(app);
    const dsl = await as(app, EMAIL.dsl);
    const { entryId, concernId } = await raiseConcern(dsl, child.id, 'Disclosure involving the relative of a member of staff');
    const deputy = await as(app, EMAIL.deputy);
    const head = await as(app, EMAIL.head);
    expect((await sees(deputy, child.id, entryId)).entry).toBe(true);

    const created = await dsl.request(RESTRICT, restrictEntry(entryId, [await userId(app, EMAIL.head)]));
    expect(created.data.restrictionCreate.__typename, created.raw).toBe('RestrictionCreateSuccess');
    const restriction = created.data.restrictionCreate.restriction;
    // The creator is always a member, so they do not lock themselves out.
    expect(restriction).toMatchObject({
      childId: null,
      entryId: globalId('ChronologyEntry', entryId),
      reason: 'Concerns a relative of a member of staff',
      active: true,
      members: [{ displayName: 'Helen Marsh' }, { displayName: 'Richard Okoye' }],
      createdBy: { displayName: 'Helen Marsh' },
    });

    // Members see it both ways; the deputy DSL, who is not named, sees neither, nor the concern.
    expect(await sees(dsl, child.id, entryId)).toMatchObject({ child: true, entry: true });
    expect(await sees(head, child.id, entryId)).toMatchObject({ child: true, entry: true });
    expect(await sees(deputy, child.id, entryId)).toMatchObject({ child: true, chronology: true, entry: false });
    const deputyConcerns = await deputy.request(CONCERNS);
    expect(deputyConcerns.data.concerns.edges.map((e: { node: { id: string } }) => decode(e.node.id))).not.toContain(concernId);

    // The restriction is listed to its members and the IG lead, with its reason and members.
    const listedToMember = await dsl.request(RESTRICTIONS, { childId: globalId('Child', child.id) });
    expect(listedToMember.data.restrictions).toEqual([
      expect.objectContaining({ id: restriction.id, reason: 'Concerns a relative of a member of staff', members: restriction.members }),
    ]);
    const listedToIg = await (await as(app, EMAIL.igLead)).request(RESTRICTIONS, { childId: globalId('Child', child.id) });
    expect(listedToIg.data.restrictions.map((r: { id: string }) => r.id)).toEqual([restriction.id]);
    expect((await deputy.request(RESTRICTIONS, { childId: globalId('Child', child.id) })).data.restrictions).toEqual([]);
    expect((await (await as(app, EMAIL.socialWorker)).request(RESTRICTIONS, { childId: globalId('Child', child.id) })).data.restrictions).toEqual([]);

    // Only a member who could have created it may lift it: not the deputy, not the police.
    for (const email of [EMAIL.deputy, EMAIL.police, EMAIL.igLead, EMAIL.otherbyDsl]) {
      const refused = await (await as(app, email)).request(LIFT, { id: restriction.id, reason: 'No longer needed' });
      expect(refused.data.restrictionLift.__typename, email).toBe('NotFoundError');
    }
    const noReason = await head.request(LIFT, { id: restriction.id, reason: ' ' });
    expect(noReason.data.restrictionLift.fieldErrors).toEqual([{ field: 'reason', message: 'Give the reason for lifting the restriction' }]);

    const lifted = await head.request(LIFT, { id: restriction.id, reason: 'Staff member has left the school' });
    expect(lifted.data.restrictionLift).toMatchObject({
      __typename: 'RestrictionLiftSuccess',
      restriction: { id: restriction.id, active: false, liftedBy: { displayName: 'Richard Okoye' } },
    });
    expect(await sees(deputy, child.id, entryId)).toMatchObject({ entry: true });
    expect((await dsl.request(RESTRICTIONS, { childId: globalId('Child', child.id) })).data.restrictions).toEqual([]);

    const again = await dsl.request(LIFT, { id: restriction.id, reason: 'Again' });
    expect(again.data.restrictionLift).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ field: 'id', message: 'This restriction has been lifted already' }] });

    // Both decisions are in the audit trail, with their reasons.
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: decode(restriction.id) }, orderBy: { seq: 'asc' }, include: { actor: true } });
    expect(audit.map((a) => [a.action, a.purpose, a.actor?.email, a.childId])).toEqual([
      ['restriction.create', 'Concerns a relative of a member of staff', EMAIL.dsl, child.id],
      ['restriction.lift', 'Staff member has left the school', EMAIL.head, child.id],
    ]);
  });

  it('cannot be restricted from outside its holding organisation, by a staff member, or from another partnership', async () => {
    const child = await oakfieldPupil(app);
    const { entryId } = await raiseConcern(await as(app, EMAIL.staff), child.id, 'Seemed withdrawn all week');
    const before = await counts(app);
    for (const email of [EMAIL.police, EMAIL.staff, EMAIL.socialWorker, EMAIL.igLead, EMAIL.otherbyDsl]) {
      const result = await (await as(app, email)).request(RESTRICT, restrictEntry(entryId, []));
      expect(result.data.restrictionCreate.__typename, email).toBe('NotFoundError');
    }
    // A made-up entry answers exactly the same.
    const missing = await (await as(app, EMAIL.dsl)).request(RESTRICT, restrictEntry('00000000-0000-7000-8000-000000000000', []));
    expect(missing.data.restrictionCreate.__typename).toBe('NotFoundError');
    expect(await counts(app)).toEqual(before);
  });

  it('bad input gets a clear error naming the field, and nothing is written', async () => {
    const child = await oakfieldPupil(app);
    const { entryId } = await raiseConcern(await as(app, EMAIL.dsl), child.id, 'Late collection again; parent smelled of alcohol');
    const dsl = await as(app, EMAIL.dsl);
    const otherby = await userId(app, EMAIL.otherbyDsl);
    const inactive = await app.db.user.update({ where: { email: `dsl@st-aidans-primary.${'northmoor.example'}` }, data: { active: false } });
    const before = await counts(app);

    const noReason = await dsl.request(RESTRICT, restrictEntry(entryId, [], '   '));
    expect(noReason.data.restrictionCreate.fieldErrors).toEqual([{ field: 'reason', message: 'Give the reason for the restriction' }]);
    const both = await dsl.request(RESTRICT, { input: { ...restrictEntry(entryId, []).input, childId: globalId('Child', child.id) } });
    expect(both.data.restrictionCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['childId']);
    const neither = await dsl.request(RESTRICT, { input: { reason: 'Reason', memberUserIds: [] } });
    expect(neither.data.restrictionCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['childId']);
    for (const member of [otherby, inactive.id]) {
      const result = await dsl.request(RESTRICT, restrictEntry(entryId, [member]));
      expect(result.data.restrictionCreate.fieldErrors).toEqual([
        { field: 'memberUserIds', message: 'Choose people in your partnership whose accounts are active' },
      ]);
    }
    const notAUser = await dsl.request(RESTRICT, { input: { ...restrictEntry(entryId, []).input, memberUserIds: [globalId('Organisation', child.id)] } });
    expect(notAUser.data.restrictionCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['memberUserIds']);
    expect(await counts(app)).toEqual(before);
    await app.db.user.update({ where: { id: inactive.id }, data: { active: true } });
  });
});

describe("a child's whole record restricted", () => {
  it('by a team manager: the front door, who normally sees every child, no longer sees the child', async () => {
    const child = await oakfieldPupil(app);
    const socialWorker = await as(app, EMAIL.socialWorker);
    const teamManager = await as(app, EMAIL.teamManager);
    const dsl = await as(app, EMAIL.dsl);
    expect(await sees(socialWorker, child.id)).toMatchObject({ child: true, chronology: true });
    const schoolConcerns = (await app.db.concern.findMany({ where: { childId: child.id }, select: { id: true } })).map((c) => c.id);

    const created = await teamManager.request(RESTRICT, restrictChild(child.id, []));
    expect(created.data.restrictionCreate).toMatchObject({
      __typename: 'RestrictionCreateSuccess',
      restriction: { childId: globalId('Child', child.id), entryId: null, members: [{ displayName: 'Angela Firth' }] },
    });
    const restrictionId = created.data.restrictionCreate.restriction.id;

    for (const email of [EMAIL.socialWorker, EMAIL.mashWorker, EMAIL.headOfService, EMAIL.mashPolice, EMAIL.dsl, EMAIL.staff]) {
      expect(await sees(await as(app, email), child.id), email).toMatchObject({ child: false, chronology: false, listed: [] });
    }
    const dslConcerns = (await dsl.request(CONCERNS)).data.concerns.edges.map((e: { node: { id: string } }) => decode(e.node.id));
    expect(dslConcerns.filter((id: string) => schoolConcerns.includes(id))).toEqual([]);
    expect(await sees(teamManager, child.id)).toMatchObject({ child: true, chronology: true });

    // To anyone else in the front door the child now does not exist: they cannot restrict it or lift this.
    const restrictAgain = await socialWorker.request(RESTRICT, restrictChild(child.id, []));
    expect(restrictAgain.data.restrictionCreate.__typename).toBe('NotAuthorisedError');
    const headOfService = await as(app, EMAIL.headOfService);
    expect((await headOfService.request(RESTRICT, restrictChild(child.id, []))).data.restrictionCreate.__typename).toBe('NotFoundError');
    expect((await headOfService.request(LIFT, { id: restrictionId, reason: 'Not needed' })).data.restrictionLift.__typename).toBe('NotFoundError');

    const lifted = await teamManager.request(LIFT, { id: restrictionId, reason: 'Review complete' });
    expect(lifted.data.restrictionLift.__typename, lifted.raw).toBe('RestrictionLiftSuccess');
    expect(await sees(socialWorker, child.id)).toMatchObject({ child: true, chronology: true });
  });

  it('only the IG lead, or a social care team manager or head of service, may restrict a whole child', async () => {
    const child = await oakfieldPupil(app);
    const before = await counts(app);
    for (const email of [EMAIL.dsl, EMAIL.socialWorker, EMAIL.police, EMAIL.admin, EMAIL.otherbyDsl]) {
      const result = await (await as(app, email)).request(RESTRICT, restrictChild(child.id, []));
      expect(result.data.restrictionCreate.__typename, email).toBe('NotAuthorisedError');
    }
    // Another partnership's child, to someone who may restrict children, does not exist.
    const otherChild = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } });
    const foreign = await (await as(app, EMAIL.teamManager)).request(RESTRICT, restrictChild(otherChild.id, []));
    expect(foreign.data.restrictionCreate.__typename).toBe('NotFoundError');
    expect(await counts(app)).toEqual(before);
  });

  it('by the IG lead, who may restrict a child without being able to read it, and lift it again', async () => {
    const child = await oakfieldPupil(app);
    const igLead = await as(app, EMAIL.igLead);
    const created = await igLead.request(RESTRICT, restrictChild(child.id, [await userId(app, EMAIL.socialWorker)], 'Child of a member of social care staff'));
    expect(created.data.restrictionCreate.__typename, created.raw).toBe('RestrictionCreateSuccess');
    expect(created.data.restrictionCreate.restriction.members.map((m: { displayName: string }) => m.displayName)).toEqual(['Graham Pickles', 'Sarah Holt']);

    expect(await sees(igLead, child.id)).toMatchObject({ child: false, chronology: false });
    expect(await sees(await as(app, EMAIL.socialWorker), child.id)).toMatchObject({ child: true });
    expect(await sees(await as(app, EMAIL.mashWorker), child.id)).toMatchObject({ child: false });

    // The named social worker may not lift it: being named is not the same as being able to restrict.
    const id = created.data.restrictionCreate.restriction.id;
    expect((await (await as(app, EMAIL.socialWorker)).request(LIFT, { id, reason: 'x' })).data.restrictionLift.__typename).toBe('NotFoundError');
    expect((await igLead.request(LIFT, { id, reason: 'Member of staff has left' })).data.restrictionLift.__typename).toBe('RestrictionLiftSuccess');
    expect(await sees(await as(app, EMAIL.mashWorker), child.id)).toMatchObject({ child: true });
  });
});
