// The partnership's active organisations, for choosing which agencies to ask or tell. Names and
// agency types only: who works in each is not part of the answer.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { AgencyTypeEnum } from './organisation.type.ts';

builder.queryField('organisations', (t) =>
  t.prismaField({
    type: ['Organisation'],
    description: "Your partnership's active organisations by name, of the agency types given (all when left out).",
    args: { agencyTypes: t.arg({ type: [AgencyTypeEnum], required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Organisation'), args.agencyTypes ? { agencyType: { in: args.agencyTypes } } : {}] },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);
