// One agency's row of an information request, read by that agency (to answer it) or by the
// requester; anyone else gets null, as for a row that does not exist. Audited, since it names a child.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './request.type.ts';

builder.queryField('informationRequestRecipient', (t) =>
  t.prismaField({
    type: 'InformationRequestRecipient',
    nullable: true,
    description: 'One agency asked in an information request, with its answer. Null when there is none you may see.',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'InformationRequestRecipient');
      const row = await ctx.db.informationRequestRecipient.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'InformationRequestRecipient'), { id: { in: id ? [id] : [] } }] },
      });
      if (row) await recordAudit(ctx.db, ctx, { action: 'informationRequest.read', subjectType: 'InformationRequestRecipient', subjectId: row.id });
      return row;
    },
  }),
);
