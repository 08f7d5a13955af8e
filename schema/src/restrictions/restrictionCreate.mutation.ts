// Make a child's whole record, or one entry, visible only to named people (staff's relatives,
// police-sensitive intelligence, cases under review). The read rules then hide it from everyone
// else (chronology.rules.ts, children.rules.ts) until it is lifted or someone breaks the glass.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { problemsOf } from '../common/validation.ts';
import type { Context } from '../context.ts';
import { resolveMembers } from './members.ts';
import { createRules } from './restrictionRules.ts';
import './restriction.type.ts';

const RestrictionCreateInput = builder.inputType('RestrictionCreateInput', {
  fields: (t) => ({
    childId: t.globalID({ required: false, description: "Restrict the child's whole record (or give entryId instead)." }),
    entryId: t.globalID({ required: false, description: 'Restrict one chronology entry (or give childId instead).' }),
    reason: t.string({ description: 'Why: kept with the restriction and in the audit trail.' }),
    memberUserIds: t.globalIDList({ description: 'The people who may still see it. You are always added.' }),
  }),
});

const RestrictionCreateSuccess = successType('RestrictionCreateSuccess', 'restriction', 'Restriction');

type GlobalId = { typename: string; id: string } | null | undefined;

/** The child or entry, as the viewer may restrict it. Anything else answers as if it did not exist. */
async function restrictable(ctx: Context, input: { childId?: GlobalId; entryId?: GlobalId }) {
  const ability = abilityOf(ctx);
  if (input.entryId) {
    // An entry: the same people who may decide to share it (its holding organisation's readers).
    const id = idOf(input.entryId, 'ChronologyEntry');
    const entry = id
      ? await ctx.db.chronologyEntry.findFirst({
          where: { AND: [accessibleWhere(ability, 'share', 'ChronologyEntry'), { id }] },
          select: { id: true, childId: true },
        })
      : null;
    if (!entry) throw new NotFoundError('No record with that id that you can restrict');
    return { childId: entry.childId, entryId: entry.id };
  }
  // A whole child: saying "your role cannot" reveals nothing about any child.
  if (!ability.can('restrict', 'Child')) {
    throw new NotAuthorisedError("Only the information-governance lead or a social care team manager or head of service can restrict a child's whole record");
  }
  const id = idOf(input.childId, 'Child');
  const child = id
    ? await ctx.db.child.findFirst({ where: { AND: [accessibleWhere(ability, 'restrict', 'Child'), { id }] }, select: { id: true } })
    : null;
  if (!child) throw new NotFoundError('No child with that id that you can restrict');
  return { childId: child.id, entryId: null };
}

builder.mutationField('restrictionCreate', (t) =>
  t.field({
    type: RestrictionCreateSuccess,
    errors: {
      types: [ValidationError, NotFoundError, NotAuthorisedError],
      directResult: true,
      union: { name: 'RestrictionCreateResult' },
    },
    args: { input: t.arg({ type: RestrictionCreateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if ([input.childId, input.entryId].filter(Boolean).length !== 1) {
        throw ValidationError.field(['input', 'childId'], "Choose either a child's whole record or one entry to restrict");
      }
      const target = await restrictable(ctx, input);

      const parsed = createRules.safeParse({ reason: input.reason });
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const named = await resolveMembers(ctx.db, viewer.partnershipId, input.memberUserIds, problems);
      if (!parsed.success || !named || problems.length) throw new ValidationError(problems);
      // The creator is always a member, so restricting never locks them out of their own record.
      const memberIds = [...new Set([viewer.userId, ...named])];

      const restriction = await ctx.db.$transaction(async (tx) => {
        const created = await tx.restriction.create({
          data: {
            partnershipId: viewer.partnershipId,
            // A whole-child restriction names the child; an entry restriction names only the entry
            // (the read rules look for each in its own place).
            childId: target.entryId ? null : target.childId,
            entryId: target.entryId,
            reason: parsed.data.reason,
            createdById: viewer.userId,
            createdAt: ctx.now(),
            members: {
              // partnershipId comes from the restriction: the relation is on (restrictionId, partnershipId).
              create: memberIds.map((userId) => ({ userId, addedById: viewer.userId })),
            },
          },
        });
        await recordAudit(tx, ctx, {
          action: 'restriction.create',
          subjectType: 'Restriction',
          subjectId: created.id,
          childId: target.childId,
          purpose: parsed.data.reason,
          detail: { entryId: target.entryId, memberUserIds: memberIds },
        });
        return created;
      });
      return { id: restriction.id };
    },
  }),
);
