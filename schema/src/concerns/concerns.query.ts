// The concerns the viewer may see, newest first: a DSL's school's concerns, a staff member's own,
// those shared with them, those referred to their front door. Filtered in SQL by the same rules
// as a single read; the ids listed are audited.
import { type ConcernStatus, Prisma } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleBranches, accessibleWhere, requiredEqualities, takeRelation, withoutEqualities } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ConcernStatusEnum } from '../common/enums.ts';
import type { Context } from '../context.ts';
import './concern.type.ts';

const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ConcernOrderByWithRelationInput[];

builder.queryField('concerns', (t) =>
  t.prismaConnection({
    type: 'Concern',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    args: { status: t.arg({ type: [ConcernStatusEnum], required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const statuses = args.status as ConcernStatus[] | null | undefined;
      const { cursor: cursorArg, skip: _skip, take, ...selection } = query as typeof query & { cursor?: { id?: string }; skip?: number; take?: number };
      const cursor = cursorArg?.id ? await ctx.db.concern.findUnique({ where: { id: cursorArg.id }, select: { id: true, createdAt: true } }) : null;
      const filters: Prisma.ConcernWhereInput[] = [
        ...(statuses?.length ? [{ status: { in: statuses } }] : []),
        // After the cursor in the list's order. The plain `createdAt <=` lets the index walk start at
        // the cursor (Prisma's own cursor condition could not: a deep page scanned every newer concern).
        ...(cursor ? [{ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }] : []),
      ];
      const ids = take && take > 0 ? await pageByGrant(ctx, filters, take) : null;
      const concerns = ids
        ? ids.length === 0 ? [] : order(await ctx.db.concern.findMany({ ...selection, where: { id: { in: padded(ids, take!) } } }), ids)
        : await ctx.db.concern.findMany({
            ...query,
            // Backwards (`last`): Prisma's own cursor, both ways round.
            where: { entry: { is: accessibleWhere(abilityOf(ctx), 'read', 'ChronologyEntry') }, ...(statuses?.length ? { status: { in: statuses } } : {}) },
            orderBy: NEWEST_FIRST,
          });
      await recordAudit(ctx.db, ctx, { action: 'concern.list', detail: { concernIds: concerns.map((c) => c.id) } });
      return concerns;
    },
  }),
);

/**
 * The ids of the page (`take` concerns after the filters, newest first), each grant of the read
 * rule asked on its own and the answers merged. As one OR, PostgreSQL walked the partnership's
 * concerns in date order testing each against every grant: 9,500 of them for a school's first page
 * at county scale. Alone, each grant is answered from its own rows and stops at a page; the
 * organisation's grant on the concern's own organisation (always the entry's: a trigger holds it),
 * whose index is in date order. The union of the grants' pages holds the page.
 */
async function pageByGrant(ctx: Context, filters: Prisma.ConcernWhereInput[], take: number): Promise<string[]> {
  const branches = accessibleBranches(abilityOf(ctx), 'read', 'ChronologyEntry');
  const pages = await Promise.all(
    branches.map((branch) => {
      // A grant on the entry's organisation is asked on the concern's own (the database holds the
      // two equal), and only there: with the condition on both, PostgreSQL takes them for
      // independent and expects almost no concern to match, so it reads every concern of the
      // organisation and sorts them instead of walking the index for the newest (53 ms → 2 ms).
      const onConcern = requiredEqualities(branch, ['organisationId']);
      // Likewise a grant on the entry's concern (the front door's: concerns referred to it) is a
      // condition on the listed concern itself, not on a second copy of it joined back through
      // the entry (which PostgreSQL cannot see is the same row).
      const { taken: ofConcern, rest } = takeRelation(withoutEqualities(branch, onConcern), 'concern');
      return ctx.db.concern.findMany({
        where: { AND: [onConcern, ...(ofConcern as Prisma.ConcernWhereInput[]), { entry: { is: rest } }, ...filters] },
        select: { id: true, createdAt: true },
        orderBy: NEWEST_FIRST,
        take,
      });
    }),
  );
  const byId = new Map(pages.flat().map((c) => [c.id, c]));
  return [...byId.values()]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, take)
    .map((c) => c.id);
}

/** The list as long as a full page (the last id repeated): one query shape, so one plan, per page size. */
function padded(ids: string[], length: number): string[] {
  return ids.length >= length ? ids : [...ids, ...Array<string>(length - ids.length).fill(ids[ids.length - 1]!)];
}

function order<T extends { id: string }>(rows: T[], ids: string[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
