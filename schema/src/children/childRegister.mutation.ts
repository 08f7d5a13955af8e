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
  }),
});

const ChildRegisterSuccess = successType('ChildRegisterSuccess', 'child', 'Child');

builder.mutationField('childRegister', (t) =>
  t.field({
    type: ChildRegisterSuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'ChildRegisterResult' } },
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
