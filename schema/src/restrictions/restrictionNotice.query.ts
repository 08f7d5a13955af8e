// Tells a practitioner that a restriction hides part of a record they would otherwise see, so they
// can ask for it or, in an emergency, break the glass: "this child's record is restricted", "2
// entries are restricted". It says only what their role would have shown them without the
// restriction (never who is named or why), and nothing at all about a child they do not know:
// for them the answer is null, as for a child that does not exist. When it tells something, that
// is logged like any other read.
import { defineAbilityFor } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import { restrictionExcluding } from '../chronology/chronology.rules.ts';

interface RestrictionNotice {
  wholeRecord: boolean;
  restrictedEntries: number;
  emergencyAccessUntil: Date | null;
}

const RestrictionNoticeType = builder.objectRef<RestrictionNotice>('RestrictionNotice').implement({
  description: 'What restrictions you are not named on hide from you about a child you would otherwise see.',
  fields: (t) => ({
    wholeRecord: t.exposeBoolean('wholeRecord', { description: "The child's whole record is restricted to other people." }),
    restrictedEntries: t.exposeInt('restrictedEntries', {
      description: 'Entries about the child that your role would show you, restricted to other people.',
    }),
    emergencyAccessUntil: t.expose('emergencyAccessUntil', {
      type: 'DateTime',
      nullable: true,
      description: 'When your live emergency access (break-glass grant) to this child ends; null without one.',
    }),
  }),
});

builder.queryField('restrictionNotice', (t) =>
  t.field({
    type: RestrictionNoticeType,
    nullable: true,
    description: "Whether restrictions hide this child's record, or some of its entries, from you. Null for a child you would not see anyway.",
    args: { childId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const childId = idOf(args.childId, 'Child');
      if (!childId) return null;
      const now = ctx.now();
      const role = defineAbilityFor(viewer, now, { ignoringRestrictions: true });
      const known = await ctx.db.child.findFirst({
        where: { AND: [accessibleWhere(role, 'read', 'Child'), { id: childId }] },
        select: { id: true },
      });
      if (!known) return null;

      const excluded = restrictionExcluding(viewer.userId);
      // The chronology shows the entries of records merged into this one too.
      const merged = await ctx.db.child.findMany({ where: { mergedIntoId: childId }, select: { id: true } });
      const [wholeRecord, restrictedEntries, grant] = await Promise.all([
        ctx.db.restriction.count({ where: { childId, ...excluded } }),
        ctx.db.chronologyEntry.count({
          where: {
            AND: [
              accessibleWhere(role, 'read', 'ChronologyEntry'),
              { childId: { in: [childId, ...merged.map((m) => m.id)] } },
              { restrictions: { some: excluded } },
            ],
          },
        }),
        ctx.db.breakGlassGrant.findFirst({
          where: { childId, userId: viewer.userId, expiresAt: { gt: now } },
          orderBy: { expiresAt: 'desc' },
          select: { expiresAt: true },
        }),
      ]);
      const notice = { wholeRecord: wholeRecord > 0, restrictedEntries, emergencyAccessUntil: grant?.expiresAt ?? null };
      if (notice.wholeRecord || notice.restrictedEntries > 0) {
        await recordAudit(ctx.db, ctx, {
          action: 'restriction.notice',
          subjectType: 'Child',
          subjectId: childId,
          childId,
          detail: { wholeRecord: notice.wholeRecord, restrictedEntries: notice.restrictedEntries },
        });
      }
      return notice;
    },
  }),
);
