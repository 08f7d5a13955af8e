// Joining the dots. Reviews keep finding that each agency held a piece: a school's concern, a
// health visitor's, a police call-out, none alarming alone. When concerns about one child come from
// several organisations, or several concerns from anyone, within the partnership's window, the front
// door is told (content-free, like every notification) and sees the pattern on its home page. Once
// per child per window: a third agency's concern does not alert again.
import type { DatabaseTx } from '@wraparound/prisma';
import { announce } from '../notifications/rules.ts';

const DAY_MS = 86_400_000;

/** After a concern is written, in its transaction: finds a pattern about its child and alerts once. */
export async function lookForConcernPattern(tx: DatabaseTx, concern: { partnershipId: string; childId: string; reference: string }, now: Date) {
  // One at a time per child: two concerns raised together see each other and alert once.
  await tx.$queryRaw`SELECT 1 FROM child WHERE id = ${concern.childId}::uuid FOR UPDATE`;
  const rules = await tx.partnership.findUniqueOrThrow({
    where: { id: concern.partnershipId },
    select: { patternOrganisations: true, patternConcerns: true, patternWindowDays: true, patternAlertRoles: true },
  });
  const since = new Date(now.getTime() - rules.patternWindowDays * DAY_MS);
  const inWindow = await tx.concern.findMany({
    where: { partnershipId: concern.partnershipId, childId: concern.childId, createdAt: { gte: since } },
    select: { id: true, organisationId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const organisations = new Set(inWindow.map((c) => c.organisationId)).size;
  const kind =
    organisations >= rules.patternOrganisations ? 'SEVERAL_ORGANISATIONS' as const
    : inWindow.length >= rules.patternConcerns ? 'REPEATED_CONCERNS' as const
    : null;
  if (!kind) return;
  const already = await tx.concernPattern.findFirst({ where: { childId: concern.childId, foundAt: { gte: since } }, select: { id: true } });
  if (already) return;

  const pattern = await tx.concernPattern.create({
    data: {
      partnershipId: concern.partnershipId, childId: concern.childId, kind, concernIds: inWindow.map((c) => c.id),
      organisations, concerns: inWindow.length, windowDays: rules.patternWindowDays, foundAt: now,
    },
  });
  const frontDoors = await tx.organisation.findMany({ where: { partnershipId: concern.partnershipId, agencyType: 'SOCIAL_CARE', active: true }, select: { id: true } });
  await announce(tx, 'CONCERN_PATTERN', { frontDoorIds: frontDoors.map((o) => o.id), roles: rules.patternAlertRoles }, {
    partnershipId: concern.partnershipId, subjectType: 'ConcernPattern', subjectId: pattern.id, reference: concern.reference, actorUserId: null, at: now,
  });
}
