// Social care links two records: the same child recorded twice (merge), siblings, or a possible
// duplicate to look at. Merging keeps both records: the merged one points at the one kept, its
// entries appear in the kept record's chronology, and nothing is deleted.
import { ChildLinkKind } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import type { Context } from '../context.ts';

const ChildLinkKindEnum = builder.enumType(ChildLinkKind, { name: 'ChildLinkKind' });

async function manageable(ctx: Context, ids: { typename: string; id: string }[]) {
  const childIds = ids.map((g) => idOf(g, 'Child'));
  if (childIds.some((id) => !id)) return null;
  const children = await ctx.db.child.findMany({
    where: { AND: [accessibleWhere(abilityOf(ctx), 'link', 'Child'), { id: { in: childIds as string[] } }, { mergedIntoId: null }] },
  });
  return children.length === new Set(childIds).size ? children : null;
}

builder.mutationField('childLink', (t) =>
  t.field({
    type: successType('ChildLinkSuccess', 'child', 'Child'),
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ChildLinkResult' } },
    args: {
      childId: t.arg.globalID({ required: true }),
      otherChildId: t.arg.globalID({ required: true }),
      kind: t.arg({ type: ChildLinkKindEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.childId.id === args.otherChildId.id) throw ValidationError.field(['otherChildId'], 'Choose two different records');
      const children = await manageable(ctx, [args.childId, args.otherChildId]);
      if (!children) throw new NotFoundError('No pair of children with those ids whose records you can link');
      const [childId, linkedChildId] = [args.childId.id, args.otherChildId.id];
      await ctx.db.$transaction(async (tx) => {
        await tx.childLink.upsert({
          where: { childId_linkedChildId_kind: { childId, linkedChildId, kind: args.kind } },
          create: { partnershipId: ctx.viewer!.partnershipId, childId, linkedChildId, kind: args.kind, linkedById: ctx.viewer!.userId, note: args.note ?? null },
          update: { note: args.note ?? null },
        });
        await recordAudit(tx, ctx, { action: 'child.link', subjectType: 'Child', subjectId: childId, childId, detail: { linkedChildId, kind: args.kind } });
      });
      return { id: childId };
    },
  }),
);

const MergeRules = z.object({ reason: z.string().trim().min(1, 'Say why these are the same child').max(2_000, 'The reason must be 2,000 characters or fewer') });

builder.mutationField('childMerge', (t) =>
  t.field({
    type: successType('ChildMergeSuccess', 'child', 'Child'),
    description: 'Two records are the same child: keep one; the other points at it and its entries join its chronology.',
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ChildMergeResult' } },
    args: { keepChildId: t.arg.globalID({ required: true }), mergeChildId: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { reason } = parseInput(MergeRules, { reason: args.reason }, []);
      if (args.keepChildId.id === args.mergeChildId.id) throw ValidationError.field(['mergeChildId'], 'Choose two different records');
      const children = await manageable(ctx, [args.keepChildId, args.mergeChildId]);
      if (!children) throw new NotFoundError('No pair of children with those ids whose records you can merge');
      const keep = children.find((c) => c.id === args.keepChildId.id)!;
      const merge = children.find((c) => c.id === args.mergeChildId.id)!;
      for (const field of ['nhsNumber', 'upn'] as const) {
        if (keep[field] && merge[field] && keep[field] !== merge[field]) {
          throw ValidationError.field(['mergeChildId'], `The records have different ${field === 'upn' ? 'UPNs' : 'NHS numbers'}: they are not the same child`);
        }
      }
      const now = ctx.now();
      const viewer = ctx.viewer!;
      await ctx.db.$transaction(async (tx) => {
        const merged = await tx.child.updateMany({ where: { id: merge.id, mergedIntoId: null }, data: { mergedIntoId: keep.id, mergedAt: now } });
        if (merged.count !== 1) throw ValidationError.field(['mergeChildId'], 'That record has been merged already');
        // Identifiers only the merged record had move to the kept one, with a visible revision.
        const fill = { ...(keep.nhsNumber ? {} : merge.nhsNumber ? { nhsNumber: merge.nhsNumber } : {}), ...(keep.upn ? {} : merge.upn ? { upn: merge.upn } : {}) };
        if (Object.keys(fill).length) {
          await tx.childRevision.create({
            data: {
              partnershipId: viewer.partnershipId, childId: keep.id, version: keep.version, changedById: viewer.userId,
              reason: `Merged with another record of the same child: ${reason}`,
              snapshot: { nhsNumber: keep.nhsNumber, upn: keep.upn },
            },
          });
          await tx.child.update({ where: { id: keep.id }, data: { ...fill, version: { increment: 1 } } });
        }
        await tx.childLink.upsert({
          where: { childId_linkedChildId_kind: { childId: keep.id, linkedChildId: merge.id, kind: 'SAME_CHILD' } },
          create: { partnershipId: viewer.partnershipId, childId: keep.id, linkedChildId: merge.id, kind: 'SAME_CHILD', linkedById: viewer.userId, note: reason },
          update: { note: reason },
        });
        await recordAudit(tx, ctx, { action: 'child.merge', subjectType: 'Child', subjectId: keep.id, childId: keep.id, purpose: reason, detail: { mergedChildId: merge.id } });
      });
      return { id: keep.id };
    },
  }),
);
