// An agency records that it is involved with a child it found in the partnership's child index
// (childIndex.query.ts): an entry of its own in the child's chronology, saying how. That entry is
// what opens the child's record to the agency (an organisation that holds an entry about a child
// sees them), so it can then raise a concern, share, request information or send an Encompass
// notification; it still sees no other agency's entries unless they are shared with it.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';

const Input = builder.inputType('ChildInvolvementRecordInput', {
  fields: (t) => ({
    childId: t.globalID({ description: 'A child found in the index.' }),
    summary: t.string({ description: "How your agency is involved, e.g. 'Officers attended a domestic incident at the home on 2 December'." }),
  }),
});

const Rules = z.object({
  summary: z.string().trim().min(1, 'Say how your agency is involved with the child').max(500, 'Keep it to 500 characters or fewer'),
});

builder.mutationField('childInvolvementRecord', (t) =>
  t.field({
    type: successType('ChildInvolvementRecordSuccess', 'child', 'Child'),
    description: "Record your agency's involvement with a child the partnership knows, which lets you open their record. For practitioners who may record a child.",
    errors: { types: [ValidationError], directResult: true, union: { name: 'ChildInvolvementRecordResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { summary } = parseInput(Rules, input);
      const id = idOf(input.childId, 'Child');
      // One answer for a child that does not exist, is restricted, or is another partnership's.
      const child = id ? await ctx.db.child.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'lookUp', 'Child'), { id }] }, select: { id: true } }) : null;
      if (!child) throw ValidationError.field(['input', 'childId'], 'Choose a child found in the partnership’s child index');
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        const entry = await tx.chronologyEntry.create({
          data: {
            partnershipId: viewer.partnershipId, childId: child.id, organisationId: viewer.organisationId, authorId: viewer.userId,
            kind: 'AGENCY_INVOLVEMENT', occurredAt: now, summary,
          },
        });
        await recordAudit(tx, ctx, { action: 'child.involvement_record', subjectType: 'ChronologyEntry', subjectId: entry.id, childId: child.id });
      });
      return { id: child.id };
    },
  }),
);
