// The front door's view of joining the dots (joiningTheDots.ts): the patterns found, newest first
// (or only those nobody has looked at yet), a page at a time with how many there are; and marking
// one as looked at, which the figures time. Read and changed by the front door only (rules).
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotFoundError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { personWithQuery, readableChildWithQuery } from '../common/loaders.ts';
import { pageShown } from '../common/pageShown.ts';
import { successType } from '../common/results.ts';
import type { Context } from '../context.ts';

const ConcernPatternKindEnum = builder.enumType('ConcernPatternKind', {
  values: {
    SEVERAL_ORGANISATIONS: { description: 'Concerns from several organisations.' },
    REPEATED_CONCERNS: { description: 'Several concerns, from whoever.' },
  } as const,
});

builder.prismaNode('ConcernPattern', {
  id: { field: 'id' },
  description: 'Concerns about one child that together make a pattern: from several organisations, or several times, within a window.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ConcernPatternKindEnum }),
    organisations: t.exposeInt('organisations', { description: 'How many organisations raised the concerns.' }),
    concerns: t.exposeInt('concerns', { description: 'How many concerns in the window.' }),
    windowDays: t.exposeInt('windowDays'),
    foundAt: t.expose('foundAt', { type: 'DateTime' }),
    seenAt: t.expose('seenAt', { type: 'DateTime', nullable: true, description: 'When someone at the front door first looked at it.' }),
    seenBy: t.prismaField({ type: 'User', nullable: true, resolve: (query, p, _args, ctx) => personWithQuery(ctx, query, p.seenById) }),
    child: t.prismaField({ type: 'Child', nullable: true, resolve: (query, p, _args, ctx) => readableChildWithQuery(ctx, query, p.childId) }),
  }),
});

const patternsWhere = (ctx: Context, notSeenOnly: boolean | null | undefined) => ({
  AND: [accessibleWhere(abilityOf(ctx), 'read', 'ConcernPattern'), notSeenOnly ? { seenAt: null } : {}],
});

builder.queryField('concernPatterns', (t) =>
  t.prismaConnection(
    {
      type: 'ConcernPattern',
      cursor: 'id',
      defaultSize: 25,
      maxSize: 100,
      description: 'Patterns of concerns about a child for the front door to look at, newest first. Empty for anyone else.',
      args: { notSeenOnly: t.arg.boolean({ required: false, description: 'Only those nobody has looked at yet.' }) },
      // Everyone's home page asks; only the front door may read any, so nobody else costs a query.
      totalCount: (_root, args, ctx) => (abilityOf(ctx).can('read', 'ConcernPattern') ? ctx.db.concernPattern.count({ where: patternsWhere(ctx, args.notSeenOnly) }) : 0),
      resolve: async (query, _root, args, ctx) => {
        if (!abilityOf(ctx).can('read', 'ConcernPattern')) return [];
        const rows = await ctx.db.concernPattern.findMany({ ...query, where: patternsWhere(ctx, args.notSeenOnly), orderBy: [{ foundAt: 'desc' }, { id: 'desc' }] });
        const shown = pageShown(rows, query);
        if (shown.length > 0) await recordAudit(ctx.db, ctx, { action: 'concern_pattern.list', detail: { patternIds: shown.map((p) => p.id), childIds: shown.map((p) => p.childId) } });
        return rows;
      },
    },
    { description: 'Patterns of concerns, newest first.' },
  ),
);

builder.mutationField('concernPatternSeen', (t) =>
  t.field({
    type: successType('ConcernPatternSeenSuccess', 'pattern', 'ConcernPattern'),
    description: 'Say you have looked at a pattern of concerns. The first look is kept (who and when); later ones change nothing.',
    errors: { types: [NotFoundError], directResult: true, union: { name: 'ConcernPatternSeenResult' } },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = idOf(args.id, 'ConcernPattern');
      const where = { AND: [accessibleWhere(abilityOf(ctx), 'update', 'ConcernPattern'), { id: id ?? '' }] };
      const found = id ? await ctx.db.concernPattern.findFirst({ where, select: { id: true, childId: true, seenAt: true } }) : null;
      if (!found) throw new NotFoundError('No such pattern of concerns that you may see');
      if (!found.seenAt) {
        await ctx.db.$transaction(async (tx) => {
          await tx.concernPattern.updateMany({ where: { id: found.id, seenAt: null }, data: { seenAt: ctx.now(), seenById: ctx.viewer!.userId } });
          await recordAudit(tx, ctx, { action: 'concern_pattern.seen', subjectType: 'ConcernPattern', subjectId: found.id, childId: found.childId });
        });
      }
      return { id: found.id };
    },
  }),
);
