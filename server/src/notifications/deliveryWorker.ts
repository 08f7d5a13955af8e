// Runs the email outbox on a timer in the server process (MAIL_INTERVAL_SECONDS). The outbox is
// rows, so a restart loses nothing: the first round after it sends what is due. Several server
// processes may run it at once; the row locks keep each claim to one worker.
import type { Database } from '@wraparound/prisma';
import { deliverDueEmails } from './deliver.ts';
import type { MailTransport } from './mailer.ts';
import { repeatEvery } from '../workers/repeat.ts';

export interface EmailDeliverySettings {
  intervalMs: number;
  maxAttempts: number;
  publicUrl: string;
  from: string;
}

export function startEmailDelivery(
  db: Database,
  transport: MailTransport,
  settings: EmailDeliverySettings,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
) {
  return repeatEvery(settings.intervalMs, 'email delivery', async () => {
    const { sent, failed, retried, cancelled } = await deliverDueEmails(db, transport, {
      now: now(), maxAttempts: settings.maxAttempts, publicUrl: settings.publicUrl, from: settings.from,
    });
    if (sent + failed + retried + cancelled > 0) log(`email: sent ${sent}, to retry ${retried}, failed ${failed}, cancelled ${cancelled}`);
  }, log);
}
