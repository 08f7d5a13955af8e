// Set-up the browser journeys share, done through the API as the people themselves would.
import { OAK, REFER, as, globalId } from '../access/fixtures.ts';
import type { TestApp } from '../support/app.ts';

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;

/** An Oakfield DSL flags a concern about a pupil and refers it; returns the referral to decide. */
export async function referAConcern(app: TestApp) {
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null } });
  const dsl = await as(app, OAK.dsl);
  const raised = await dsl.request(RAISE, {
    input: {
      childId: globalId('Child', child.id), categories: ['NEGLECT'], narrative: 'No lunch again and very tired.', riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(app.now().getTime() - 3600_000).toISOString(),
    },
  });
  const concern = raised.data.concernRaise.concern as { id: string; reference: string };
  const referred = await dsl.request(REFER, { id: concern.id });
  return { reference: concern.reference, referralId: referred.data.concernRefer.referral.id as string };
}
