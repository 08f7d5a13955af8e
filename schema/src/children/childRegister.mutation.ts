// Record a child the partnership does not yet know. Every field is checked before anything is
// written, and all the problems are reported at once, each naming its field.
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { recordAudit } from '../audit/record.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { problemsOf } from '../common/validation.ts';
import { GenderEnum } from './child.type.ts';
import { childDetailsSchema, searchNameOf } from './childDetails.ts';
import { abilityOf } from '../access/ability.ts';
import { ErrorInterface } from '../common/errors.ts';
import { type ChildMatch, ChildMatchType, visibleMatches } from './childMatch.type.ts';
import { findCandidates } from './matching.ts';

/** The partnership may know this child already. An identifier match cannot be overridden; a
 * name-and-date-of-birth match can, once the person confirms it is a different child. */
export class PossibleDuplicateError extends Error {
  constructor(
    readonly matches: ChildMatch[],
    readonly hiddenMatches: number,
    readonly identifierMatch: boolean,
  ) {
    super(
      identifierMatch
        ? 'A child with this NHS number or UPN is already recorded in your partnership. Use that record' +
            (matches.length ? '' : ": find it in the partnership's child index and record your agency's involvement") + '.'
        : 'A child with a similar name and the same date of birth is already recorded. Check the matches; if this is a different child, confirm it and record again.',
    );
    this.name = 'PossibleDuplicateError';
  }
}

builder.objectType(PossibleDuplicateError, {
  name: 'PossibleDuplicateError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    matches: t.field({ type: [ChildMatchType], description: 'The matching records you may see.', resolve: (e) => e.matches }),
    hiddenMatches: t.exposeInt('hiddenMatches', { description: 'Matching records you may not see: their details are not shown.' }),
    identifierMatch: t.exposeBoolean('identifierMatch', { description: 'True when the NHS number or UPN matched: this cannot be overridden.' }),
  }),
});

const ChildRegisterInput = builder.inputType('ChildRegisterInput', {
  fields: (t) => ({
    givenName: t.string(),
    familyName: t.string(),
    otherNames: t.string({ required: false }),
    preferredName: t.string({ required: false }),
    dateOfBirth: t.field({ type: 'Date' }),
    gender: t.field({ type: GenderEnum, required: false, defaultValue: 'NOT_KNOWN' }),
    nhsNumber: t.string({ required: false, description: '10 digits; spaces allowed.' }),
    upn: t.string({ required: false, description: 'Unique Pupil Number, 13 characters.' }),
    addressLine1: t.string({ required: false }),
    addressLine2: t.string({ required: false }),
    town: t.string({ required: false }),
    postcode: t.string({ required: false }),
    schoolId: t.globalID({ required: false, description: "The school the child attends: an organisation's id in your partnership." }),
    confirmNotDuplicate: t.boolean({
      required: false,
      defaultValue: false,
      description: 'After a PossibleDuplicateError on name and date of birth: this is a different child. Recorded as a possible duplicate for social care to review.',
    }),
  }),
});

const ChildRegisterSuccess = successType('ChildRegisterSuccess', 'child', 'Child');

builder.mutationField('childRegister', (t) =>
  t.field({
    type: ChildRegisterSuccess,
    errors: { types: [ValidationError, NotAuthorisedError, PossibleDuplicateError], directResult: true, union: { name: 'ChildRegisterResult' } },
    args: { input: t.arg({ type: ChildRegisterInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('create', 'Child')) throw new NotAuthorisedError('Your role cannot record a new child');

      const school = input.schoolId ?? null;
      const parsed = childDetailsSchema(ctx.now()).safeParse({ ...input, schoolId: school?.id ?? null });
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);

      if (school && (school.typename !== 'Organisation' || !(await schoolInPartnership(ctx.db, school.id, viewer.partnershipId)))) {
        problems.push({ path: ['input', 'schoolId'], message: 'Select a school that is part of your partnership' });
      }
      if (!parsed.success || problems.length > 0) throw new ValidationError(problems);

      const details = parsed.data;
      const candidates = await findCandidates(ctx.db, viewer.partnershipId, details);
      const identifierMatch = candidates.some((c) => c.matchedOn === 'NHS_NUMBER' || c.matchedOn === 'UPN');
      if (identifierMatch || (candidates.length > 0 && !input.confirmNotDuplicate)) {
        const matches = await visibleMatches(ctx, candidates);
        await recordAudit(ctx.db, ctx, { action: 'child.duplicate_check', detail: { childIds: matches.map((m) => m.id), hidden: candidates.length - matches.length } });
        throw new PossibleDuplicateError(matches, candidates.length - matches.length, identifierMatch);
      }
      const child = await ctx.db.$transaction(async (tx) => {
        const created = await tx.child.create({
          data: {
            ...details,
            partnershipId: viewer.partnershipId,
            searchName: searchNameOf(details.givenName, details.familyName),
            createdById: viewer.userId,
            createdByOrganisationId: viewer.organisationId,
          },
        });
        if (candidates.length > 0) {
          // Confirmed as a different child: keep the similarity on record for social care to review.
          await tx.childLink.createMany({
            data: candidates.map((c) => ({
              partnershipId: viewer.partnershipId, childId: created.id, linkedChildId: c.id, kind: 'POSSIBLE_DUPLICATE' as const,
              linkedById: viewer.userId, note: `Name similarity ${c.score}; confirmed as a different child on registration`,
            })),
          });
        }
        await recordAudit(tx, ctx, { action: 'child.create', subjectType: 'Child', subjectId: created.id, childId: created.id });
        return created;
      });
      return { id: child.id };
    },
  }),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function schoolInPartnership(db: import('@wraparound/prisma').Database, id: string, partnershipId: string) {
  if (!UUID.test(id)) return null;
  return db.organisation.findFirst({ where: { id, partnershipId, agencyType: 'SCHOOL', active: true }, select: { id: true } });
}
