// The requests the viewer's organisation has made, newest first, with every agency's answer.
// Filtered in SQL by the same rules as a single read; the requests listed are audited.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import './request.type.ts';
import { pageShown } from '../common/pageShown.ts';

builder.queryField('informationRequestsSent', (t) =>
  t.prismaConnection({
    type: 'InformationRequest',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    description: 'Information requests your organisation has made, newest first.',
    resolve: async (query, _root, _args, ctx) => {
      const viewer = ctx.viewer!;
      const requests = await ctx.db.informationRequest.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(abilityOf(ctx), 'read', 'InformationRequest'), { requestingOrganisationId: viewer.organisationId }],
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      await recordAudit(ctx.db, ctx, { action: 'informationRequest.listSent', detail: { requestIds: pageShown(requests, query).map((r) => r.id) } });
      return requests;
    },
  }),
);
