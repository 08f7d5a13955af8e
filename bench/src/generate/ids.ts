// Deterministic identifiers: the same seed and reference time give the same ids, references and
// identifiers on every run, so a benchmark can be repeated on identical data.
import { nhsCheckDigit, upnCheckLetter } from '@wraparound/prisma/identifiers';
import type { Rng } from '@wraparound/prisma/seed';

/** A UUIDv7 whose time is the row's own creation time and whose random bits come from the PRNG,
 * so rows sort by time in their indexes as the product's own ids do. */
export function uuidAt(rng: Rng, at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  const r = () => Math.floor(rng.float() * 0x10000).toString(16).padStart(4, '0');
  const variant = (0x8000 | (Math.floor(rng.float() * 0x10000) & 0x3fff)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // the product's (common/references.ts)
const SPACE = 2 ** 30; // six characters of a 32-letter alphabet

/**
 * The n-th reference of a kind: n is spread over the six-character space by an odd multiplier (a
 * bijection modulo 2^30), so references are unique, look random and reveal no order.
 */
export function referenceOf(prefix: string, n: number): string {
  let v = Number((BigInt(n) * 0x2f0a3b1n + 0x1b5n) % BigInt(SPACE));
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = REFERENCE_ALPHABET[v % 32] + code;
    v = Math.floor(v / 32);
  }
  return `${prefix}-${code}`;
}

/** Unique valid NHS numbers, in the 999 test range first (about 900,000 of them; past that, at
 * national scale, 998, 997, ...): a counter spread over six digits, skipping the prefixes that have
 * no valid check digit. */
export class NhsNumbers {
  private n = 0;
  next(): string {
    for (;;) {
      const n = this.n++;
      const six = String((n * 7919 + 104_729) % 1_000_000).padStart(6, '0');
      const firstNine = `${999 - Math.floor(n / 1_000_000)}${six}`;
      const check = nhsCheckDigit(firstNine);
      if (check !== null) return `${firstNine}${check}`;
    }
  }
}

/** Unique valid UPNs: per allocating school and year, a serial from 000 to 999. */
export class Upns {
  private readonly serials = new Map<string, number>();
  constructor(private readonly laCode: string) {}
  next(establishment: string, year: number): string {
    for (let y = year; ; y++) {
      const key = `${establishment}:${y % 100}`;
      const serial = this.serials.get(key) ?? 0;
      if (serial > 999) continue;
      this.serials.set(key, serial + 1);
      const rest = `${this.laCode}${establishment}${String(y % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      return `${upnCheckLetter(rest)}${rest}`;
    }
  }
}
