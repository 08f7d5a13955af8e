// A real SMTP server on loopback (smtp-server) that keeps every message it accepts, parsed with
// mailparser, and can be told to misbehave: refuse every message for a while, refuse one address
// for good, hold a message without answering (so a test can kill the sender mid-conversation), or
// answer slowly.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** When it was answered 250. */
  acceptedAt: Date;
}

export type CatcherMode =
  | { kind: 'accept' }
  /** Every message answered 451 (try again later). */
  | { kind: 'refuse' }
  /** RCPT TO this address answered 550 (mailbox unavailable), every time. */
  | { kind: 'rejectAddress'; address: string }
  /** Once `after` messages have been accepted, the next is read but never answered; `onHeld` is
   * told (the test kills the sender, or the relay, then). */
  | { kind: 'hold'; after: number; onHeld: () => void }
  /** Every message accepted, but only after `ms` (a slow relay). */
  | { kind: 'slow'; ms: number };

export interface MailCatcher {
  readonly port: number;
  readonly url: string;
  /** Messages accepted (answered 250), in order. */
  readonly received: ReceivedMail[];
  mode: CatcherMode;
  /** Drops every open connection, as a relay that crashes would. */
  dropConnections(): void;
  close(): Promise<void>;
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const received: ReceivedMail[] = [];
  const state: { mode: CatcherMode } = { mode: { kind: 'accept' } };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const mode = state.mode;
      if (mode.kind === 'rejectAddress' && address.address.toLowerCase() === mode.address) return callback(smtpError('Mailbox unavailable', 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mode = state.mode;
        if (mode.kind === 'refuse') return callback(smtpError('Try again later', 451));
        if (mode.kind === 'hold' && received.length >= mode.after) return mode.onHeld();
        const raw = Buffer.concat(chunks);
        const answer = mode.kind === 'slow' ? new Promise((resolve) => setTimeout(resolve, mode.ms)) : Promise.resolve();
        Promise.all([simpleParser(raw), answer]).then(
          ([mail]) => {
            received.push({
              raw: raw.toString('utf8'),
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              messageId: mail.messageId ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              acceptedAt: new Date(),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    get mode() {
      return state.mode;
    },
    set mode(mode: CatcherMode) {
      state.mode = mode;
    },
    dropConnections() {
      for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections) connection.close();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
