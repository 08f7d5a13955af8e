// The groups of people a notification can go to, each one query. rules.ts says which group hears
// of which event; this file says who is in each group. Only active people are ever addressed.
import type { AgencyType, DatabaseTx, LadderStage, Role } from '@wraparound/prisma';
import { hasAny, RECORD_READERS } from '../access/roleGroups.ts';

/**
 * Who is told when something arrives for a whole organisation (a share, an information request):
 * its safeguarding leads, not every practitioner in it. An organisation with none of these (a GP
 * surgery, an early help team) tells the people who read its records instead.
 */
export const SAFEGUARDING_LEADS: Readonly<Record<AgencyType, readonly Role[]>> = {
  SCHOOL: ['DSL', 'DEPUTY_DSL'],
  POLICE: ['DETECTIVE_SERGEANT', 'MASH_POLICE_RESEARCHER'],
  HEALTH: ['NAMED_NURSE', 'NAMED_DOCTOR'],
  SOCIAL_CARE: ['MASH_WORKER', 'MASH_MANAGER'],
  EARLY_HELP: [],
  PARTNERSHIP: [],
  OTHER: [],
};

/** Who decides referrals at children's social care's front door. */
const FRONT_DOOR_DECIDERS: readonly Role[] = ['MASH_WORKER', 'MASH_MANAGER', 'SOCIAL_WORKER', 'TEAM_MANAGER'];

/** A school's Operation Encompass key adults. */
const ENCOMPASS_KEY_ADULTS: readonly Role[] = ['DSL', 'DEPUTY_DSL'];

const ids = (users: { id: string }[]) => users.map((u) => u.id);

/** The safeguarding leads of each organisation named (or, where it has none, its record readers). */
export async function organisationInboxes(tx: DatabaseTx, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { organisationId: { in: [...organisationIds] }, active: true },
    select: { id: true, roles: true, organisationId: true, organisation: { select: { agencyType: true } } },
  });
  return organisationIds.flatMap((organisationId) => {
    const staff = users.filter((u) => u.organisationId === organisationId);
    const agencyType = staff[0]?.organisation.agencyType;
    if (!agencyType) return [];
    const leads = staff.filter((u) => hasAny(u.roles, new Set(SAFEGUARDING_LEADS[agencyType])));
    return ids(leads.length > 0 ? leads : staff.filter((u) => hasAny(u.roles, RECORD_READERS[agencyType])));
  });
}

/** People holding one of `roles` in one organisation. */
export async function rolesAt(tx: DatabaseTx, organisationId: string, roles: readonly Role[]): Promise<string[]> {
  return ids(await tx.user.findMany({ where: { organisationId, active: true, roles: { hasSome: [...roles] } }, select: { id: true } }));
}

export const frontDoorDeciders = (tx: DatabaseTx, organisationId: string) => rolesAt(tx, organisationId, FRONT_DOOR_DECIDERS);
export const encompassKeyAdults = (tx: DatabaseTx, schoolId: string) => rolesAt(tx, schoolId, ENCOMPASS_KEY_ADULTS);

/** People holding one of `roles` anywhere in the partnership. */
export async function partnershipRoles(tx: DatabaseTx, partnershipId: string, roles: readonly Role[]): Promise<string[]> {
  return ids(await tx.user.findMany({ where: { partnershipId, active: true, roles: { hasSome: [...roles] } }, select: { id: true } }));
}

/** Named people, if they are still active. */
export async function people(tx: DatabaseTx, userIds: readonly (string | null)[]): Promise<string[]> {
  const wanted = userIds.filter((id): id is string => id !== null);
  if (wanted.length === 0) return [];
  return ids(await tx.user.findMany({ where: { id: { in: wanted }, active: true }, select: { id: true } }));
}

export interface DisagreementParties {
  partnershipId: string;
  raisingOrganisationId: string;
  respondingOrganisationId: string;
}

type StageRoles = Pick<LadderStage, 'raiserRoles' | 'responderRoles' | 'partnershipRoles'>;

/**
 * The people who act at a stage of a disagreement: the stage's roles in the raising organisation,
 * in the responding organisation, and in the partnership's own organisation. `sides` narrows it
 * (a newly raised disagreement goes to the other side and the partnership, not back to the raiser's).
 */
export async function peopleAtStage(
  tx: DatabaseTx,
  d: DisagreementParties,
  stage: StageRoles,
  sides: { raiser?: boolean; responder?: boolean; partnership?: boolean } = { raiser: true, responder: true, partnership: true },
): Promise<string[]> {
  const or = [
    ...(sides.raiser && stage.raiserRoles.length ? [{ organisationId: d.raisingOrganisationId, roles: { hasSome: stage.raiserRoles } }] : []),
    ...(sides.responder && stage.responderRoles.length ? [{ organisationId: d.respondingOrganisationId, roles: { hasSome: stage.responderRoles } }] : []),
    ...(sides.partnership && stage.partnershipRoles.length
      ? [{ organisation: { agencyType: 'PARTNERSHIP' as const }, roles: { hasSome: stage.partnershipRoles } }]
      : []),
  ];
  if (or.length === 0) return [];
  return ids(await tx.user.findMany({ where: { partnershipId: d.partnershipId, active: true, OR: or }, select: { id: true } }));
}

/** Who is alerted when a final stage expires: the lead partners' senior people and the scrutineer. */
export async function leadPartnerAlertees(tx: DatabaseTx, partnershipId: string): Promise<string[]> {
  return ids(
    await tx.user.findMany({
      where: {
        partnershipId,
        active: true,
        OR: [
          { organisation: { leadPartner: true }, roles: { hasSome: ['HEAD_OF_SERVICE', 'DETECTIVE_INSPECTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'] } },
          { roles: { hasSome: ['INDEPENDENT_SCRUTINEER', 'DELEGATED_SAFEGUARDING_PARTNER'] } },
        ],
      },
      select: { id: true },
    }),
  );
}
