// Recovery codes: ten one-time codes shown once at enrolment, for signing in when the
// authenticator is lost. Only argon2id hashes are kept (as for passwords); each code works once.
import { randomInt } from 'node:crypto';
import type { DatabaseTx } from '@wraparound/prisma';
import { hashPassword, verifyPassword } from '../passwords.ts';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: read off paper without doubt. 10 of 31 symbols is about 50 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

function newCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** As typed or pasted: any case, with or without the hyphen and spaces. */
export function normaliseRecoveryCode(typed: string): string {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  return plain.length === LENGTH ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

/** A new set of codes to show once, and their hashes to keep (hashed before any transaction: slow on purpose). */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  return { codes, hashes: await Promise.all(codes.map(hashPassword)) };
}

/** Replaces the person's recovery codes with a new set. */
export async function storeRecoveryCodes(tx: DatabaseTx, user: { id: string; partnershipId: string }, hashes: string[], now: Date) {
  await retireRecoveryCodes(tx, user.id, now);
  await tx.recoveryCode.createMany({
    data: hashes.map((codeHash) => ({ partnershipId: user.partnershipId, userId: user.id, codeHash, createdAt: now })),
  });
}

export async function retireRecoveryCodes(tx: DatabaseTx, userId: string, now: Date) {
  await tx.recoveryCode.updateMany({ where: { userId, usedAt: null, replacedAt: null }, data: { replacedAt: now } });
}

/** Uses up the matching unused code; false if none matches (or another request used it first). */
export async function spendRecoveryCode(db: DatabaseTx, userId: string, typed: string, now: Date): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  const live = await db.recoveryCode.findMany({ where: { userId, usedAt: null, replacedAt: null }, select: { id: true, codeHash: true } });
  for (const row of live) {
    if (await verifyPassword(row.codeHash, code)) {
      const spent = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null, replacedAt: null }, data: { usedAt: now } });
      return spent.count === 1;
    }
  }
  return false;
}
