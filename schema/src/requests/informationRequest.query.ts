// One information request, read by the organisation that made it (with every agency's row) or by
// an asked organisation's record readers (with their own row only): what a notification about the
// request opens. Anyone else gets null, as for a request that does not exist. Audited, since it
// names a child.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './request.type.ts';

builder.queryField('informationRequest', (t) =>
  t.prismaField({
    type: 'InformationRequest',
    nullable: true,
    description: 'One information request your organisation made or was asked. Null when there is none you may see.',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'InformationRequest');
      const request = await ctx.db.informationRequest.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'InformationRequest'), { id: { in: id ? [id] : [] } }] },
      });
      if (request) {
        await recordAudit(ctx.db, ctx, { action: 'informationRequest.read', subjectType: 'InformationRequest', subjectId: request.id, childId: request.childId });
      }
      return request;
    },
  }),
);
