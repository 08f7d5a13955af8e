// What lets agencies match a child: check-digit rules for the NHS number and the Unique Pupil
// Number, and the name key tolerant search compares. Pure functions, shared by validation
// (schema/) and demo data (seed/).

/** The modulus-11 check digit of the first nine digits, or null when the number cannot be valid. */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Spaces and dashes as people type them ("943 476 5919") are accepted and removed. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(input: string): boolean {
  const value = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(value)) return false;
  return nhsCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function normaliseUpn(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/**
 * The check letter for characters 2-13 of a UPN: sum of position x value (positions from 1, so
 * the first of the twelve is position 2), a letter in the last place valued by its index in the
 * 23-letter alphabet, mod 23, read in that alphabet.
 */
export function upnCheckLetter(rest: string): string | null {
  if (!/^\d{11}[\dA-HJ-NP-RT-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest[i]!;
    const value = /\d/.test(ch) ? Number(ch) : UPN_ALPHABET.indexOf(ch);
    sum += (i + 2) * value;
  }
  return UPN_ALPHABET[sum % 23]!;
}

export function isValidUpn(input: string): boolean {
  const value = normaliseUpn(input);
  if (!/^[A-HJ-NP-RT-Z]\d{11}[\dA-HJ-NP-RT-Z]$/.test(value)) return false;
  return upnCheckLetter(value.slice(1)) === value[0];
}

/** Lower-case, accent-free "given family": the key tolerant name search compares. */
export function searchNameOf(givenName: string, familyName: string): string {
  return `${givenName} ${familyName}`
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
