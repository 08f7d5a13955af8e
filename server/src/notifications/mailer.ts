// Where email goes. With SMTP_URL set, a pooled nodemailer SMTP transport with timeouts, so a
// stalled relay fails an attempt (and the outbox retries it) instead of holding the worker. Without
// it, each message is written as an .eml file under <dataDir>/mail/, so a laptop install shows what
// would have been sent without any mail server.
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** With angle brackets: `<id@wraparound>`. */
  messageId: string;
}

export interface MailTransport {
  /** Sends one message; rejects if it was not accepted for its recipient. */
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
  /** For the start-up log line: where mail goes (never credentials). */
  readonly description: string;
}

export interface MailTransportSettings {
  smtpUrl: string | null;
  dataDir: string;
  log?: (line: string) => void;
}

export function createMailTransport({ smtpUrl, dataDir, log = () => {} }: MailTransportSettings): MailTransport {
  if (smtpUrl) {
    const url = new URL(smtpUrl);
    const transporter = nodemailer.createTransport({
      pool: true,
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      description: `SMTP ${url.protocol}//${url.host}`,
      send: async (message) => {
        const info = await transporter.sendMail(message);
        // One recipient per message: a partial acceptance cannot happen, but never count a
        // rejected recipient as delivered.
        if (info.rejected.length > 0 || info.accepted.length === 0) throw Object.assign(new Error('recipient rejected'), { code: 'EENVELOPE' });
      },
      close: () => transporter.close(),
    };
  }
  const directory = path.join(dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    description: `files in ${directory}`,
    send: async (message) => {
      const info = await transporter.sendMail(message);
      mkdirSync(directory, { recursive: true });
      // Named by the Message-ID (the notification's id): a repeat overwrites its own file.
      const file = path.join(directory, `${message.messageId.replace(/[^\w.-]+/g, '_').replace(/^_|_$/g, '')}.eml`);
      await writeFile(file, info.message as Buffer);
      log(`mail written to ${file}`);
    },
    close: () => transporter.close(),
  };
}
