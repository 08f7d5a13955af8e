export { loadConfig, type Config } from './config.ts';
export { createHttpServer, createGraphQLHandler, CSRF_HEADER } from './http/app.ts';
export { migrateJobQueue, prepareDatabase, startEmbeddedPostgres, startJobWorker } from './database/index.ts';
export { createMailTransport, type MailTransport, type OutgoingEmail } from './notifications/mailer.ts';
export { renderEmail, messageIdOf, type EmailNotification } from './notifications/email.ts';
export { deliverDueEmails, backoffMs, SENDING_LEASE_MS, type DeliverOptions, type DeliverResult } from './notifications/deliver.ts';
export { startEmailDelivery } from './notifications/deliveryWorker.ts';
export { deliverDueDigests } from './notifications/digest.ts';
export { createLiveNotifications, NOTIFICATION_CHANNEL, type LiveNotificationHub } from './notifications/liveNotifications.ts';
