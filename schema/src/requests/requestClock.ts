// What the clock does to an information request (run by the deadline sweep, inside its
// transaction): three quarters of the way to the deadline the asked organisation is reminded; at
// the deadline, if it still has not answered, it and the requester are told the request is overdue.
// An answer marks both deadlines done, and each handler checks again, so a late sweep after an
// answer tells nobody anything.
import type { DatabaseTx, Deadline } from '@wraparound/prisma';
import { announce } from '../notifications/rules.ts';

async function unanswered(tx: DatabaseTx, recipientId: string) {
  const recipient = await tx.informationRequestRecipient.findUnique({ where: { id: recipientId }, include: { request: true } });
  if (!recipient || recipient.respondedAt || recipient.request.status !== 'OPEN') return null;
  return recipient;
}

const eventOf = (r: NonNullable<Awaited<ReturnType<typeof unanswered>>>, at: Date) => ({
  partnershipId: r.partnershipId, subjectType: 'InformationRequest', subjectId: r.requestId, reference: r.request.reference, actorUserId: null, at,
});

export async function requestDueSoon(tx: DatabaseTx, deadline: Deadline, now: Date) {
  const recipient = await unanswered(tx, deadline.subjectId);
  if (recipient) await announce(tx, 'INFORMATION_REQUEST_DUE_SOON', { organisationId: recipient.organisationId }, eventOf(recipient, now));
}

export async function requestOverdue(tx: DatabaseTx, deadline: Deadline, now: Date) {
  const recipient = await unanswered(tx, deadline.subjectId);
  if (!recipient) return;
  await announce(tx, 'INFORMATION_REQUEST_OVERDUE', { organisationId: recipient.organisationId, requesterId: recipient.request.requestedById }, eventOf(recipient, now));
}
