-- The email outbox's claim (server/src/notifications/deliver.ts) takes the next due email: EMAIL
-- rows PENDING or SENDING (a lease that has passed), earliest nextAttemptAt first. On the
-- (status, nextAttemptAt) index PostgreSQL had to read and sort every due row for each claim,
-- because two statuses do not come out of that index in date order: 47,000 rows after a mail
-- server has been away is 145 ms a claim. Only the rows a claim can take are in this index, in the
-- order it takes them, so the next one is its first entry. (A partial index: Prisma's schema does
-- not describe it.)
CREATE INDEX "notification_email_due_idx" ON "notification" ("nextAttemptAt", "id")
  WHERE channel = 'EMAIL' AND status IN ('PENDING', 'SENDING');
