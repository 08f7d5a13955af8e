// Records that something happened which people must hear about: one NotificationEvent and, for
// each recipient, one outbox row per channel. Called inside the transaction of the change it
// reports, so the alert exists exactly when the change does. Nothing is sent from here: the in-app
// row is in the feed (and announced to live subscribers by the database trigger) once the
// transaction commits; the email row waits in the outbox for the delivery worker, or, for someone
// who asked for a daily digest and an event that is not urgent, until their digest time.
// Callers use announce() (rules.ts), which decides the recipients. The event carries ids and a reference only, never
// a child's details (docs/domain.md, "Notifications"), so nothing derived from it can leak into an email.
import type { DatabaseTx, NotificationChannel } from '@wraparound/prisma';
import { nextDigestAt } from './digestTime.ts';

export interface NotificationEventInput {
  partnershipId: string;
  /** e.g. BREAK_GLASS */
  kind: string;
  /** Urgent events cannot be muted or held for a digest. */
  urgent: boolean;
  subjectType: string;
  subjectId: string;
  /** A human reference (newReference), quoted instead of anything about the child. */
  reference: string;
  actorUserId: string | null;
  /** The request's clock, so outbox timing follows the same (injectable) clock as the change. */
  at?: Date;
}

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['IN_APP', 'EMAIL'];

export async function notify(tx: DatabaseTx, event: NotificationEventInput, recipientUserIds: readonly string[]) {
  const { at, ...fields } = event;
  const created = await tx.notificationEvent.create({ data: { ...fields, ...(at ? { createdAt: at } : {}) } });
  const recipients = [...new Set(recipientUserIds)];
  if (recipients.length > 0) {
    const when = at ?? new Date();
    // Urgent events cannot be muted or held; the rest follow each person's preference.
    const digestUsers = event.urgent
      ? []
      : await tx.user.findMany({
          where: { id: { in: recipients }, notificationDelivery: 'DAILY_DIGEST' },
          select: { id: true, digestMinute: true, partnership: { select: { timeZone: true } } },
        });
    const digestAt = new Map(digestUsers.map((u) => [u.id, nextDigestAt(u.partnership.timeZone, when, u.digestMinute)]));
    await tx.notification.createMany({
      data: recipients.flatMap((recipientUserId) =>
        NOTIFICATION_CHANNELS.map((channel) => {
          const heldUntil = channel === 'EMAIL' ? digestAt.get(recipientUserId) : undefined;
          return {
            partnershipId: event.partnershipId,
            eventId: created.id,
            recipientUserId,
            channel,
            // In the app, it is delivered by being there; an email waits for the worker or the digest.
            status: channel === 'IN_APP' ? ('SENT' as const) : heldUntil ? ('HELD_FOR_DIGEST' as const) : ('PENDING' as const),
            sentAt: channel === 'IN_APP' ? when : null,
            // (event, recipient, channel): a repeat can never become a second notification.
            idempotencyKey: `${created.id}:${recipientUserId}:${channel}`,
            createdAt: when,
            nextAttemptAt: heldUntil ?? when,
          };
        }),
      ),
    });
  }
  return { eventId: created.id, recipients: recipients.length };
}
