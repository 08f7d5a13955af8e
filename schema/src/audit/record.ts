// Writes one audit event, in the caller's transaction so the event and the change it records
// commit together or not at all. The database chains and seals each row (see the safeguards
// migration). Detail holds ids and outcomes, never values about a child.
import type { DatabaseTx } from '@wraparound/prisma';
import type { Context } from '../context.ts';

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  childId?: string;
  purpose?: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
  /** Who acted, where that is not the signed-in viewer (a sign-in, before there is a session). */
  actor?: { userId: string | null; partnershipId: string; organisationId: string | null; sessionId?: string | null };
}

export async function recordAudit(tx: DatabaseTx, ctx: Pick<Context, 'viewer' | 'request' | 'now'>, entry: AuditEntry) {
  const actor = entry.actor ?? ctx.viewer;
  await tx.auditEvent.create({
    data: {
      partnershipId: actor?.partnershipId ?? null,
      occurredAt: ctx.now(),
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      sessionId: actor?.sessionId ?? null,
      ipAddress: ctx.request.ipAddress,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      childId: entry.childId ?? null,
      purpose: entry.purpose ?? null,
      detail: entry.detail ?? undefined,
    },
    // Nothing of the row is needed back (its detail can list a hundred ids).
    select: { seq: true },
  });
}

/** An event the system itself caused (a deadline passing): no person, no session. */
export async function recordSystemAudit(tx: DatabaseTx, partnershipId: string, now: Date, entry: Omit<AuditEntry, 'actor'>) {
  await recordAudit(tx, { viewer: null, request: { ipAddress: null, userAgent: null }, now: () => now }, {
    ...entry,
    actor: { userId: null, partnershipId, organisationId: null },
  });
}
