// Time-based one-time codes (RFC 6238: 6 digits, 30-second steps, SHA-1, as every authenticator
// app expects). A code is accepted one step either side of the server's clock (a phone's clock
// drifts), and only once: each accepted step must be later than the last.
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Wraparound';
const PERIOD_SECONDS = 30;

export function newSecret(): string {
  return generateSecret({ length: 20 });
}

/** What an authenticator app scans: its label names the account, not anything about a child. */
export async function enrolmentOf(secret: string, email: string) {
  const otpauthUri = generateURI({ issuer: ISSUER, label: email, secret, period: PERIOD_SECONDS });
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The time step a right, unused code was made for; null for a wrong or replayed code. */
export async function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  // Nothing newer than the last accepted step is in reach yet (otplib refuses such a bound).
  if (lastStep !== null && lastStep >= Math.floor(epoch / PERIOD_SECONDS) + 1) return null;
  const result = await verify({
    secret,
    token: code,
    period: PERIOD_SECONDS,
    epoch,
    epochTolerance: PERIOD_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
