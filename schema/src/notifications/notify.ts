// Records that something happened which people must hear about: one NotificationEvent and, for
// each recipient, one outbox row per channel. Called inside the transaction of the change it
// reports, so the alert exists exactly when the change does. Nothing is delivered here: a worker
// (the notifications work) sends PENDING rows. The event carries ids and a reference only, never
// a child's details (DOMAIN.md, "Notifications"), so nothing derived from it can leak into an email.
import type { DatabaseTx, NotificationChannel } from '@wraparound/prisma';

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
    await tx.notification.createMany({
      data: recipients.flatMap((recipientUserId) =>
        NOTIFICATION_CHANNELS.map((channel) => ({
          partnershipId: event.partnershipId,
          eventId: created.id,
          recipientUserId,
          channel,
          status: 'PENDING' as const,
          // (event, recipient, channel): a repeat can never become a second notification.
          idempotencyKey: `${created.id}:${recipientUserId}:${channel}`,
          ...(at ? { createdAt: at, nextAttemptAt: at } : {}),
        })),
      ),
    });
  }
  return { eventId: created.id, recipients: recipients.length };
}
