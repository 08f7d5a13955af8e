// Demo data on first start: a fictional county partnership with a user for every role. Each demo
// user gets a random password, kept in .data/demo-users.txt (readable by this account only) and
// printed on every start. For trying Wraparound only; never enable on a live service.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@wraparound/prisma';
import { seedDemo } from '@wraparound/prisma/seed';
import { hashPassword } from '@wraparound/schema';

export function demoCredentialsPath(dataDir: string) {
  return path.join(dataDir, 'demo-users.txt');
}

function randomPassword() {
  return randomBytes(12).toString('base64url');
}

/** Seeds an empty database and records the demo passwords. Returns false if it held data already. */
export async function seedDemoIfEmpty(db: Database, dataDir: string): Promise<boolean> {
  const passwords = new Map<string, string>();
  const result = await seedDemo(db, {
    hashPassword,
    passwordFor: (email) => {
      const existing = passwords.get(email);
      if (existing) return existing;
      const created = randomPassword();
      passwords.set(email, created);
      return created;
    },
  });
  if (!result) return false;
  const width = Math.max(...result.users.map((u) => u.email.length));
  const lines = result.users.map(
    (u) => `${u.email.padEnd(width)}  ${passwords.get(u.email)}  ${u.roles.join(', ')} (${u.organisation})`,
  );
  writeFileSync(demoCredentialsPath(dataDir), `${lines.join('\n')}\n`, { mode: 0o600 });
  return true;
}

export function readDemoCredentials(dataDir: string): string | null {
  const file = demoCredentialsPath(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
