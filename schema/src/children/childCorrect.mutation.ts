// Correct a child's record. Nothing is overwritten silently: the earlier values are kept as a
// revision with who changed them and why, and shown in the record's history.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { snapshotOf } from '../common/revisions.ts';
import { problemsOf } from '../common/validation.ts';
import { GenderEnum } from './child.type.ts';
import { CHILD_FIELDS, childDetailsSchema, searchNameOf } from './childDetails.ts';
import { findCandidates } from './matching.ts';

const ChildCorrectInput = builder.inputType('ChildCorrectInput', {
  description: 'Only the fields given change; give null to clear an optional field.',
  fields: (t) => ({
    childId: t.globalID(),
    reason: t.string({ description: 'Why the record is being corrected: kept with the earlier version.' }),
    expectedVersion: t.int({ required: false, description: 'The version you corrected: refused if someone changed it since.' }),
    givenName: t.string({ required: false }),
    familyName: t.string({ required: false }),
    otherNames: t.string({ required: false }),
    preferredName: t.string({ required: false }),
    dateOfBirth: t.field({ type: 'Date', required: false }),
    gender: t.field({ type: GenderEnum, required: false }),
    nhsNumber: t.string({ required: false }),
    upn: t.string({ required: false }),
    addressLine1: t.string({ required: false }),
    addressLine2: t.string({ required: false }),
    town: t.string({ required: false }),
    postcode: t.string({ required: false }),
  }),
});

builder.mutationField('childCorrect', (t) =>
  t.field({
    type: successType('ChildCorrectSuccess', 'child', 'Child'),
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ChildCorrectResult' } },
    args: { input: t.arg({ type: ChildCorrectInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const id = idOf(input.childId, 'Child');
      const child = id ? await ctx.db.child.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'update', 'Child'), { id }] } }) : null;
      if (!child) throw new NotFoundError('No child with that id whose record you can correct');

      const problems: FieldProblem[] = [];
      const reason = input.reason.trim();
      if (!reason) problems.push({ path: ['input', 'reason'], message: 'Say why the record is being corrected' });
      if (input.expectedVersion != null && input.expectedVersion !== child.version) {
        problems.push({ path: ['input', 'expectedVersion'], message: 'Someone else has changed this record since you opened it: reload it and correct again' });
      }
      const changed = Object.fromEntries(CHILD_FIELDS.filter((f) => f in input && input[f as keyof typeof input] !== undefined).map((f) => [f, input[f as keyof typeof input]]));
      if (Object.keys(changed).length === 0) problems.push({ path: ['input'], message: 'Nothing to correct: give at least one field' });
      const parsed = childDetailsSchema(ctx.now()).safeParse({ ...child, ...changed });
      if (!parsed.success) problems.push(...problemsOf(parsed.error, ['input']));
      if (parsed.success) {
        const clash = (await findCandidates(ctx.db, viewer.partnershipId, { nhsNumber: parsed.data.nhsNumber, upn: parsed.data.upn }))
          .filter((c) => c.id !== child.id);
        for (const c of clash) {
          const field = c.matchedOn === 'NHS_NUMBER' ? 'nhsNumber' : 'upn';
          problems.push({ path: ['input', field], message: `Another child in your partnership has this ${field === 'upn' ? 'UPN' : 'NHS number'}: ask social care to link or merge the records` });
        }
      }
      if (!parsed.success || problems.length) throw new ValidationError(problems);
      const details = parsed.data;

      await ctx.db.$transaction(async (tx) => {
        await tx.childRevision.create({
          data: {
            partnershipId: viewer.partnershipId, childId: child.id, version: child.version,
            snapshot: snapshotOf(child, CHILD_FIELDS), changedById: viewer.userId, reason,
          },
        });
        // Guarded by version: two corrections at once cannot both apply to the same version.
        const updated = await tx.child.updateMany({
          where: { id: child.id, version: child.version },
          data: {
            givenName: details.givenName, familyName: details.familyName, otherNames: details.otherNames,
            preferredName: details.preferredName, dateOfBirth: details.dateOfBirth, gender: details.gender,
            nhsNumber: details.nhsNumber, upn: details.upn, addressLine1: details.addressLine1, addressLine2: details.addressLine2,
            town: details.town, postcode: details.postcode,
            searchName: searchNameOf(details.givenName, details.familyName), version: { increment: 1 },
          },
        });
        if (updated.count !== 1) throw ValidationError.field(['input', 'expectedVersion'], 'Someone else has changed this record since you opened it');
        await recordAudit(tx, ctx, {
          action: 'child.correct', subjectType: 'Child', subjectId: child.id, childId: child.id,
          purpose: reason, detail: { fields: Object.keys(changed) },
        });
      });
      return { id: child.id };
    },
  }),
);
