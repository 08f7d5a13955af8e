// Who acts at a disagreement's current stage: the stage's roles on the raiser's side (the raising
// organisation), the responder's side (the organisation whose decision is challenged) and the
// partnership's. Past the first stages the practitioners hand over to their managers; the raiser
// may still escalate or withdraw (see those mutations).
import type { Disagreement, LadderStage, Prisma, Role } from '@wraparound/prisma';
import type { Viewer } from '../context.ts';

export type Side = 'RAISER' | 'RESPONDER' | 'PARTNERSHIP';

export function sidesOf(viewer: Viewer, d: Pick<Disagreement, 'raisingOrganisationId' | 'respondingOrganisationId'>): Side[] {
  const sides: Side[] = [];
  if (viewer.organisationId === d.raisingOrganisationId) sides.push('RAISER');
  if (viewer.organisationId === d.respondingOrganisationId) sides.push('RESPONDER');
  if (viewer.agencyType === 'PARTNERSHIP') sides.push('PARTNERSHIP');
  return sides;
}

const intersects = (a: readonly Role[], b: readonly Role[]) => a.some((r) => b.includes(r));

/** The sides for which the viewer acts at this stage. */
export function actingSides(
  viewer: Viewer,
  d: Pick<Disagreement, 'raisingOrganisationId' | 'respondingOrganisationId'>,
  stage: Pick<LadderStage, 'raiserRoles' | 'responderRoles' | 'partnershipRoles'>,
): Side[] {
  return sidesOf(viewer, d).filter((side) => {
    if (side === 'RAISER') return intersects(viewer.roles, stage.raiserRoles);
    if (side === 'RESPONDER') return intersects(viewer.roles, stage.responderRoles);
    return intersects(viewer.roles, stage.partnershipRoles);
  });
}

export type ViewerAction = 'RESPOND' | 'RESOLVE' | 'ESCALATE' | 'WITHDRAW';

/** The raiser, or their side's people at this stage, move it up by hand. */
export const mayEscalate = (viewer: Viewer, d: Pick<Disagreement, 'raisedById'>, sides: readonly Side[]) =>
  viewer.userId === d.raisedById || sides.includes('RAISER');

/** Only the raising organisation withdraws. */
export const mayWithdraw = (viewer: Viewer, d: Pick<Disagreement, 'raisingOrganisationId'>) => viewer.organisationId === d.raisingOrganisationId;

/**
 * What the viewer may do to an open disagreement now, by the same rules the mutations apply: the
 * web app offers exactly these.
 */
export function viewerActions(
  viewer: Viewer,
  d: Pick<Disagreement, 'status' | 'raisedById' | 'raisingOrganisationId' | 'respondingOrganisationId'>,
  stage: Pick<LadderStage, 'raiserRoles' | 'responderRoles' | 'partnershipRoles'>,
  hasNextStage: boolean,
): ViewerAction[] {
  if (d.status !== 'OPEN') return [];
  const sides = actingSides(viewer, d, stage);
  return [
    ...(sides.length > 0 ? (['RESPOND', 'RESOLVE'] as const) : []),
    ...(hasNextStage && mayEscalate(viewer, d, sides) ? (['ESCALATE'] as const) : []),
    ...(mayWithdraw(viewer, d) ? (['WITHDRAW'] as const) : []),
  ];
}

/**
 * The same rule as actingSides, as SQL: open disagreements whose current (not yet exited) stage
 * names one of the viewer's roles on a side the viewer is on. For lists, so that no row is
 * dropped after a LIMIT.
 */
export function actsAtCurrentStage(viewer: Viewer): Prisma.DisagreementWhereInput {
  const atStage = (roles: Prisma.LadderStageWhereInput) => ({ stages: { some: { exitedAt: null, ladderStage: roles } } });
  const hasSome = [...viewer.roles];
  return {
    OR: [
      { raisingOrganisationId: viewer.organisationId, ...atStage({ raiserRoles: { hasSome } }) },
      { respondingOrganisationId: viewer.organisationId, ...atStage({ responderRoles: { hasSome } }) },
      ...(viewer.agencyType === 'PARTNERSHIP' ? [atStage({ partnershipRoles: { hasSome } })] : []),
    ],
  };
}
