// The rules a child's details must meet, in one place for registering and (later) correcting.
import { isValidNhsNumber, isValidUpn, normaliseNhsNumber, normaliseUpn } from '@wraparound/prisma/identifiers';

export { searchNameOf } from '@wraparound/prisma/identifiers';
import { z } from 'zod';

const name = (what: string) =>
  z.string().trim().min(1, `Enter the child's ${what}`).max(100, `The child's ${what} must be 100 characters or fewer`);
const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `${what} must be ${max} characters or fewer`).nullish().transform((v) => (v ? v : null));

/** Builds the schema for "now", so a date of birth can be checked against the injectable clock. */
export function childDetailsSchema(now: Date) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const oldest = new Date(Date.UTC(now.getUTCFullYear() - 25, now.getUTCMonth(), now.getUTCDate()));
  return z.object({
    givenName: name('first name'),
    familyName: name('last name'),
    otherNames: optionalText(200, 'Other names'),
    preferredName: optionalText(100, 'The preferred name'),
    dateOfBirth: z
      .date()
      .max(today, 'Date of birth must be today or in the past')
      .min(oldest, 'Date of birth must be within the last 25 years: Wraparound records children and young people'),
    gender: z.enum(['FEMALE', 'MALE', 'OTHER', 'NOT_KNOWN']),
    nhsNumber: z
      .string()
      .nullish()
      .transform((v) => (v ? normaliseNhsNumber(v) : null))
      .refine((v) => v === null || /^\d{10}$/.test(v), 'NHS number must be 10 digits')
      .refine((v) => v === null || !/^\d{10}$/.test(v) || isValidNhsNumber(v), 'Enter a valid NHS number: its check digit does not match'),
    upn: z
      .string()
      .nullish()
      .transform((v) => (v ? normaliseUpn(v) : null))
      .refine((v) => v === null || v.length === 13, 'UPN must be 13 characters')
      .refine((v) => v === null || v.length !== 13 || isValidUpn(v), 'Enter a valid UPN: its check letter does not match'),
    addressLine1: optionalText(200, 'Address line 1'),
    addressLine2: optionalText(200, 'Address line 2'),
    town: optionalText(100, 'Town'),
    postcode: optionalText(10, 'Postcode'),
    schoolId: z.string().nullish().transform((v) => v ?? null),
  });
}

/** The fields of a child's record that registration sets and a correction may change. */
export const CHILD_FIELDS = [
  'givenName', 'familyName', 'otherNames', 'preferredName', 'dateOfBirth', 'gender', 'nhsNumber', 'upn',
  'addressLine1', 'addressLine2', 'town', 'postcode', 'schoolId',
] as const;

export type ChildDetails = z.infer<ReturnType<typeof childDetailsSchema>>;
