// The concerns the viewer may see, newest first: a DSL's school's concerns, a staff member's own,
// those shared with them, those referred to their front door. Filtered in SQL by the same rules
// as a single read; the ids listed are audited.
import { ConcernStatus } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ConcernStatusEnum } from '../common/enums.ts';
import './concern.type.ts';

builder.queryField('concerns', (t) =>
  t.prismaConnection({
    type: 'Concern',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    args: { status: t.arg({ type: [ConcernStatusEnum], required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const statuses = args.status as ConcernStatus[] | null | undefined;
      // Prisma pages after a cursor with `(createdAt = c AND id <= c.id) OR createdAt < c`, which
      // no index can start from, so a deep page scanned every newer concern. The same bound as a
      // plain `createdAt <=` (implied by the cursor, so the page is unchanged) starts the index walk
      // at the cursor.
      const cursorId = (query as { cursor?: { id?: string } }).cursor?.id;
      const cursor = cursorId ? await ctx.db.concern.findUnique({ where: { id: cursorId }, select: { createdAt: true } }) : null;
      const concerns = await ctx.db.concern.findMany({
        ...query,
        where: {
          entry: { is: accessibleWhere(abilityOf(ctx), 'read', 'ChronologyEntry') },
          ...(statuses?.length ? { status: { in: statuses } } : {}),
          ...(cursor ? { createdAt: { lte: cursor.createdAt } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      await recordAudit(ctx.db, ctx, { action: 'concern.list', detail: { concernIds: concerns.map((c) => c.id) } });
      return concerns;
    },
  }),
);
