// Password hashing: argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  // An account that has not set a password yet: as slow as a real check, and never true.
  if (!passwordHash.startsWith('$argon2')) {
    await spendVerifyTime(plain);
    return false;
  }
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown email costs as much time as a known one. */
export async function spendVerifyTime(plain: string): Promise<void> {
  dummy ??= hashPassword('wraparound-timing-equaliser');
  await verifyPassword(await dummy, plain);
}
