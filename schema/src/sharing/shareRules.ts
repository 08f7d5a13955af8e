// What a sharing decision must record (docs/domain.md, "Information sharing"): what, with whom, why,
// on what lawful basis, whether consent was sought and, if not, why not.
import { ConsentNotSoughtReason, ConsentStatus, LawfulBasis, SpecialCategoryCondition } from '@wraparound/prisma';
import { z } from 'zod';

const text = (what: string, max: number) =>
  z.string({ error: `Enter ${what}` }).trim().min(1, `Enter ${what}`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

export function shareRules(now: Date, sensitive: boolean) {
  return z
    .object({
      whatShared: text('what is being shared', 2_000),
      purpose: text('the purpose of sharing', 2_000),
      lawfulBasis: z.enum(LawfulBasis, { error: 'Select the lawful basis for sharing' }),
      specialCategoryCondition: z.enum(SpecialCategoryCondition).nullish(),
      consentStatus: z.enum(ConsentStatus, { error: 'Say whether consent was given, refused or not sought' }),
      consentNotSoughtReason: z.enum(ConsentNotSoughtReason).nullish(),
      consentNote: z.string().trim().max(2_000, 'The consent note must be 2,000 characters or fewer').nullish().transform((v) => v || null),
      expiresAt: z.date().min(now, 'The share must end in the future').nullish(),
    })
    .superRefine((v, ctx) => {
      if (v.consentStatus === 'NOT_SOUGHT' && !v.consentNotSoughtReason) {
        ctx.addIssue({ code: 'custom', path: ['consentNotSoughtReason'], message: 'Say why consent was not sought' });
      }
      if (v.consentStatus === 'REFUSED' && !v.consentNote) {
        ctx.addIssue({ code: 'custom', path: ['consentNote'], message: 'Record why you are sharing although consent was refused' });
      }
      if (sensitive && (!v.specialCategoryCondition || v.specialCategoryCondition === 'NONE')) {
        ctx.addIssue({
          code: 'custom',
          path: ['specialCategoryCondition'],
          message: 'This record holds special-category data: select the condition for sharing it (e.g. DPA 2018 Schedule 1 paragraph 18)',
        });
      }
    });
}

export const declineRules = z.object({
  purpose: text('what the information was wanted for', 2_000),
  reasonNotShared: text('why you decided not to share', 5_000),
});

export const revokeRules = z.object({ reason: text('why the share is being withdrawn', 2_000) });
