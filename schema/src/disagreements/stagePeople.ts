// The people who act at a stage of a disagreement: the stage's roles in the raising organisation,
// in the responding organisation, and in the partnership's own organisation.
import type { DatabaseTx, LadderStage } from '@wraparound/prisma';

export async function peopleAtStage(
  tx: DatabaseTx,
  d: { partnershipId: string; raisingOrganisationId: string; respondingOrganisationId: string },
  stage: Pick<LadderStage, 'raiserRoles' | 'responderRoles' | 'partnershipRoles'>,
): Promise<string[]> {
  const users = await tx.user.findMany({
    where: {
      partnershipId: d.partnershipId,
      active: true,
      OR: [
        ...(stage.raiserRoles.length ? [{ organisationId: d.raisingOrganisationId, roles: { hasSome: stage.raiserRoles } }] : []),
        ...(stage.responderRoles.length ? [{ organisationId: d.respondingOrganisationId, roles: { hasSome: stage.responderRoles } }] : []),
        ...(stage.partnershipRoles.length ? [{ organisation: { agencyType: 'PARTNERSHIP' as const }, roles: { hasSome: stage.partnershipRoles } }] : []),
      ],
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** Who is alerted when a final stage expires: the lead partners' senior people and the scrutineer. */
export async function leadPartnerAlertees(tx: DatabaseTx, partnershipId: string): Promise<string[]> {
  const users = await tx.user.findMany({
    where: {
      partnershipId,
      active: true,
      OR: [
        { organisation: { leadPartner: true }, roles: { hasSome: ['HEAD_OF_SERVICE', 'DETECTIVE_INSPECTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'] } },
        { roles: { hasSome: ['INDEPENDENT_SCRUTINEER', 'DELEGATED_SAFEGUARDING_PARTNER'] } },
      ],
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}
