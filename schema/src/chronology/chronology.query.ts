// A child's multi-agency chronology: every agency's entries the viewer may see, newest first,
// by cursor. The access rules are part of the SQL; each page read is audited with the ids shown.
import { AgencyType, ConcernCategory } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere, narrowSome } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ConcernCategoryEnum } from '../common/enums.ts';
import { idOf } from '../common/ids.ts';
import { AgencyTypeEnum } from '../admin/organisation.type.ts';
import './entry.type.ts';
import { pageShown } from '../common/pageShown.ts';

const ChronologyFilter = builder.inputType('ChronologyFilter', {
  fields: (t) => ({
    agencyTypes: t.field({ type: [AgencyTypeEnum], required: false, description: 'Only entries from these kinds of agency.' }),
    categories: t.field({ type: [ConcernCategoryEnum], required: false, description: 'Only entries with any of these categories.' }),
  }),
});

builder.queryField('chronology', (t) =>
  t.prismaConnection({
    type: 'ChronologyEntry',
    cursor: 'id',
    nullable: true,
    description: "A child's chronology, newest first. Null when the child does not exist or you may not see them.",
    defaultSize: 25,
    maxSize: 100,
    args: {
      childId: t.arg.globalID({ required: true }),
      filter: t.arg({ type: ChronologyFilter, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const childId = idOf(args.childId, 'Child');
      if (!childId) return null;
      const ability = abilityOf(ctx);
      // The child if the viewer may see them, and the records merged into them, which belong to
      // its chronology (their entries keep their own rules): one query, the merged ones used only
      // when the child itself came back.
      const found = await ctx.db.child.findMany({
        where: { OR: [{ AND: [accessibleWhere(ability, 'read', 'Child'), { id: childId }] }, { mergedIntoId: childId }] },
        select: { id: true },
      });
      if (!found.some((c) => c.id === childId)) return null;
      const childIds = [childId, ...found.filter((c) => c.id !== childId).map((c) => c.id)];
      const agencyTypes = args.filter?.agencyTypes as AgencyType[] | null | undefined;
      const categories = args.filter?.categories as ConcernCategory[] | null | undefined;
      const entries = await ctx.db.chronologyEntry.findMany({
        ...query,
        where: {
          AND: [
            // The share grant asked among these children's shares (a share's child is its entry's:
            // a trigger holds it), not by hashing every live share to the viewer's organisation
            // (26,732 for social care at county scale: 18–33 ms for a page of one child's entries).
            narrowSome(accessibleWhere(ability, 'read', 'ChronologyEntry'), 'shares', { childId: { in: childIds } }),
            { childId: { in: childIds } },
            agencyTypes?.length ? { organisation: { is: { agencyType: { in: agencyTypes } } } } : {},
            categories?.length ? { categories: { hasSome: categories } } : {},
          ],
        },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      });
      await recordAudit(ctx.db, ctx, {
        action: 'chronology.read',
        subjectType: 'Child',
        subjectId: childId,
        childId,
        detail: { entryIds: pageShown(entries, query).map((e) => e.id) },
      });
      return entries;
    },
  }),
);
