// A separate email worker process for fault tests: sends the outbox's due emails in the given
// database through the given SMTP relay at the given time, then exits. The test kills it mid-batch.
import os from 'node:os';
import { createDatabaseClient } from '@wraparound/prisma';
import { createMailTransport, deliverDueEmails } from '@wraparound/server';

const [url, smtpUrl, nowIso] = process.argv.slice(2);
const db = createDatabaseClient(url!, { poolMax: 1 });
const transport = createMailTransport({ smtpUrl: smtpUrl!, dataDir: os.tmpdir() });
process.stdout.write('delivering\n');
const result = await deliverDueEmails(db, transport, { now: new Date(nowIso!), maxAttempts: 5, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' });
process.stdout.write(`sent ${result.sent}\n`);
transport.close();
await db.$disconnect();
