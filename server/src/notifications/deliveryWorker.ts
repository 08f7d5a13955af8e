// Runs the email outbox on a timer in the server process (MAIL_INTERVAL_SECONDS). The outbox is
// rows, so a restart loses nothing: the first round after it sends what is due. Several server
// processes may run it at once; the row locks keep each claim to one worker. Each round sends the
// single emails that are due, then the daily digests that are due.
import type { Database } from '@wraparound/prisma';
import { deliverDueEmails } from './deliver.ts';
import { deliverDueDigests } from './digest.ts';
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
    // The clock itself, read for each email (deliver.ts).
    const options = { now, maxAttempts: settings.maxAttempts, publicUrl: settings.publicUrl, from: settings.from };
    for (const [what, deliver] of [['email', deliverDueEmails], ['digest', deliverDueDigests]] as const) {
      const { sent, failed, retried, cancelled } = await deliver(db, transport, options);
      if (sent + failed + retried + cancelled > 0) log(`${what}: sent ${sent}, to retry ${retried}, failed ${failed}, cancelled ${cancelled}`);
    }
  }, log);
}
