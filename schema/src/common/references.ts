// Human references (CON-7Q2M4X) quoted in emails and phone calls instead of anything about a
// child. Random, so they reveal nothing about volume or order; unique in the database.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I

export function newReference(prefix: string): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}
