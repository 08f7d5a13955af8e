// The partnership's active organisations, for choosing which agencies to ask or tell. Names and
// agency types only: who works in each is not part of the answer. The administrator may ask for
// the deactivated ones too (anyone else still gets only the active ones).
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { AgencyTypeEnum } from './organisation.type.ts';

builder.queryField('organisations', (t) =>
  t.prismaField({
    type: ['Organisation'],
    description: "Your partnership's active organisations by name, of the agency types given (all when left out); with includeInactive, the deactivated ones too (partnership administrators only).",
    args: {
      agencyTypes: t.arg({ type: [AgencyTypeEnum], required: false }),
      includeInactive: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(abilityOf(ctx), 'read', 'Organisation'),
            args.agencyTypes ? { agencyType: { in: args.agencyTypes } } : {},
            args.includeInactive ? {} : { active: true },
          ],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);
