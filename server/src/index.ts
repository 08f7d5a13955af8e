export { loadConfig, type Config } from './config.ts';
export { createHttpServer, createGraphQLHandler, CSRF_HEADER } from './http/app.ts';
export {
  migrateJobQueue, migrateAndGrant, prepareDatabase, requireLeastPrivilege, startEmbeddedPostgres, startJobWorker,
  checkApplicationRole, EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, type EmbeddedRole,
} from './database/index.ts';
export {
  advanceCheckpoint, checkpointAnchor, compareWithCheckpoint, readCheckpoint, writeCheckpoint,
  type AuditCheckpoint, type CheckpointAnchor,
} from './audit/checkpoint.ts';
export { createMailTransport, type MailTransport, type OutgoingEmail } from './notifications/mailer.ts';
export { renderEmail, messageIdOf, type EmailNotification } from './notifications/email.ts';
export { deliverDueEmails, backoffMs, SENDING_LEASE_MS, type DeliverOptions, type DeliverResult } from './notifications/deliver.ts';
export { startEmailDelivery } from './notifications/deliveryWorker.ts';
export { startAuditCheckpointer } from './workers/auditCheckpointer.ts';
export { deliverDueDigests } from './notifications/digest.ts';
export { createLiveNotifications, NOTIFICATION_CHANNEL, type LiveNotificationHub } from './notifications/liveNotifications.ts';
export { apiClientOperations, API_SECOND_FACTOR_VERIFY, API_SIGN_IN } from './http/apiClientOperations.ts';
