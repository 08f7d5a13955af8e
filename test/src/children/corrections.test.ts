// Corrections keep the earlier version visible, say who made them and why, and are refused to
// those who may not make them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, OAK, POLICE, as, globalId } from '../access/fixtures.ts';

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const CORRECT_CHILD = /* GraphQL */ `
  mutation($input: ChildCorrectInput!) { childCorrect(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ChildCorrectSuccess { child { familyName version revisions { version reason changedBy { email } changes { field from to } } } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id } } } }`;
const CORRECT_CONCERN = /* GraphQL */ `
  mutation($input: ConcernCorrectInput!) { concernCorrect(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ConcernCorrectSuccess { concern { narrative riskLevel entry { version } revisions { version reason changes { field from to } } } } } }`;

let app: TestApp;
let childId: string;
beforeAll(async () => {
  app = await startTestApp();
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const result = await (await as(app, OAK.dsl)).request(REGISTER, {
    input: { givenName: 'Corin', familyName: 'Smyth', dateOfBirth: '2013-09-09', schoolId: globalId('Organisation', oakfield.id) },
  });
  childId = result.data.childRegister.child.id;
});
afterAll(() => app?.close());

describe('correcting a child’s record', () => {
  it('keeps the earlier value with who changed it and why', async () => {
    const result = await (await as(app, OAK.dsl)).request(CORRECT_CHILD, {
      input: { childId, reason: 'Family name misspelt at registration', familyName: 'Smith', expectedVersion: 1 },
    });
    expect(result.data.childCorrect).toEqual({
      __typename: 'ChildCorrectSuccess',
      child: {
        familyName: 'Smith',
        version: 2,
        revisions: [{ version: 1, reason: 'Family name misspelt at registration', changedBy: { email: OAK.dsl }, changes: [{ field: 'familyName', from: 'Smyth', to: 'Smith' }] }],
      },
    });
    expect(await app.db.auditEvent.count({ where: { action: 'child.correct' } })).toBe(1);
  });

  it('refuses a correction of a version someone else has changed, and one without a reason', async () => {
    const dsl = await as(app, OAK.dsl);
    const stale = await dsl.request(CORRECT_CHILD, { input: { childId, reason: 'x', town: 'Northmoor', expectedVersion: 1 } });
    expect(stale.data.childCorrect.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['expectedVersion']);
    const noReason = await dsl.request(CORRECT_CHILD, { input: { childId, reason: ' ', town: 'Northmoor' } });
    expect(noReason.data.childCorrect.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect((await app.db.child.findFirstOrThrow({ where: { familyName: 'Smith', givenName: 'Corin' } })).version).toBe(2);
  });

  it('is refused, as if the child did not exist, to those who did not record the child (except the front door)', async () => {
    for (const email of [OAK.staff, POLICE[0]!, GP]) {
      const result = await (await as(app, email)).request(CORRECT_CHILD, { input: { childId, reason: 'x', town: 'Elsewhere' } });
      expect(result.data.childCorrect.__typename, email).toBe('NotFoundError');
    }
    const frontDoor = await (await as(app, FRONT_DOOR[0]!)).request(CORRECT_CHILD, { input: { childId, reason: 'Address confirmed with mother', town: 'Northmoor' } });
    expect(frontDoor.data.childCorrect.__typename).toBe('ChildCorrectSuccess');
  });
});

describe('correcting a concern', () => {
  it('keeps the earlier narrative and risk, and only the author or the school’s DSLs may correct it', async () => {
    const raised = await (await as(app, OAK.staff)).request(RAISE, {
      input: { childId, categories: ['NEGLECT'], narrative: 'No coat in the snow', riskLevel: 'LOW', dslInformed: false, occurredAt: new Date().toISOString() },
    });
    const concernId = raised.data.concernRaise.concern.id;
    const refused = await (await as(app, FRONT_DOOR[0]!)).request(CORRECT_CONCERN, { input: { concernId, reason: 'x', riskLevel: 'HIGH' } });
    expect(refused.data.concernCorrect.__typename).toBe('NotFoundError');

    const corrected = await (await as(app, OAK.dsl)).request(CORRECT_CONCERN, {
      input: { concernId, reason: 'Second conversation with the child', narrative: 'No coat in the snow for the third week', riskLevel: 'MEDIUM', dslInformed: true },
    });
    expect(corrected.data.concernCorrect.concern).toEqual({
      narrative: 'No coat in the snow for the third week',
      riskLevel: 'MEDIUM',
      entry: { version: 2 },
      revisions: [{
        version: 1,
        reason: 'Second conversation with the child',
        changes: expect.arrayContaining([
          { field: 'narrative', from: 'No coat in the snow', to: 'No coat in the snow for the third week' },
          { field: 'riskLevel', from: 'LOW', to: 'MEDIUM' },
          { field: 'dslInformed', from: 'false', to: 'true' },
        ]),
      }],
    });
    const blank = await (await as(app, OAK.staff)).request(CORRECT_CONCERN, { input: { concernId, reason: 'x', narrative: '  ' } });
    expect(blank.data.concernCorrect.fieldErrors).toEqual([{ field: 'narrative', message: 'The narrative cannot be empty' }]);
  });
});
