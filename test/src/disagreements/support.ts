// A DSL at Oakfield disagreeing with children's social care's "no further action" about one of
// the school's pupils: the starting point of most disagreement tests.
import type { TestApp } from '../support/app.ts';
import { globalId } from '../access/fixtures.ts';

export async function thresholdDisagreementInput(app: TestApp): Promise<Record<string, unknown>> {
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
  const socialCare = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
  return {
    childId: globalId('Child', child.id), respondingOrganisationId: globalId('Organisation', socialCare.id),
    decisionChallenged: 'No further action', decisionDate: new Date().toISOString().slice(0, 10), reasonCode: 'THRESHOLD_NOT_MET',
    evidence: 'Repeated injuries', outcomeSought: 'Assessment', immediateRisk: false,
  };
}
