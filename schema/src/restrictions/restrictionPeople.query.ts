// Finding the people to name on a restriction: the partnership's active people whose name
// contains what was typed, for those who may restrict something (empty for everyone else). A
// name, a job title and an organisation only: enough to pick the right colleague.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import '../admin/user.type.ts';

/** Fewer letters than this find nobody: the list is for picking, not for browsing. */
const MIN_LETTERS = 2;

const matching = (ctx: Parameters<typeof abilityOf>[0], name: string) => ({
  AND: [accessibleWhere(abilityOf(ctx), 'name', 'User'), { displayName: { contains: name, mode: 'insensitive' as const } }],
});

builder.queryField('restrictionPeople', (t) =>
  t.prismaConnection(
    {
      type: 'User',
      cursor: 'id',
      defaultSize: 20,
      maxSize: 50,
      description:
        'Active people of your partnership whose name contains `name` (at least 2 letters), to name on a restriction, by name; totalCount says how many match. Empty unless you may restrict records.',
      args: { name: t.arg.string({ required: true }) },
      totalCount: (_root, args, ctx) => {
        const name = args.name.trim();
        return name.length < MIN_LETTERS ? 0 : ctx.db.user.count({ where: matching(ctx, name) });
      },
      resolve: async (query, _root, args, ctx) => {
        const name = args.name.trim();
        if (name.length < MIN_LETTERS) return [];
        return ctx.db.user.findMany({ ...query, where: matching(ctx, name), orderBy: [{ displayName: 'asc' }, { id: 'asc' }] });
      },
    },
    {},
  ),
);
