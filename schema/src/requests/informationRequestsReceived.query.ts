// What the viewer's organisation has been asked, soonest due first: its own rows of each request
// (its record readers only; the rules keep out everyone else). Filtered in SQL by the same rules
// as a single read; the rows listed are audited, since each names a child.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import './request.type.ts';
import { pageShown } from '../common/pageShown.ts';

builder.queryField('informationRequestsReceived', (t) =>
  t.prismaConnection({
    type: 'InformationRequestRecipient',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    description: 'Information requests your organisation has been asked to answer, soonest due first.',
    args: { overdueOnly: t.arg.boolean({ required: false, description: 'Only those not answered and past their due time.' }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = ctx.viewer!;
      const rows = await ctx.db.informationRequestRecipient.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(abilityOf(ctx), 'read', 'InformationRequestRecipient'),
            { organisationId: viewer.organisationId },
            args.overdueOnly ? { respondedAt: null, dueAt: { lt: ctx.now() } } : {},
          ],
        },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      });
      await recordAudit(ctx.db, ctx, { action: 'informationRequest.listReceived', detail: { recipientIds: pageShown(rows, query).map((r) => r.id) } });
      return rows;
    },
  }),
);
