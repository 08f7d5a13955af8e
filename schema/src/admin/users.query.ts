// The people of the partnership, for its administrator and its IG lead (empty for anyone else):
// accounts, roles, whether they are active and whether they have set a password yet.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './user.type.ts';

builder.queryField('users', (t) =>
  t.prismaConnection({
    type: 'User',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 200,
    description: "Your partnership's people (for partnership administrators and the information-governance lead; empty for anyone else).",
    args: { organisationId: t.arg.globalID({ required: false }), includeInactive: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _root, args, ctx) => {
      const organisationId = args.organisationId ? (idOf(args.organisationId, 'Organisation') ?? '00000000-0000-0000-0000-000000000000') : null;
      return ctx.db.user.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(abilityOf(ctx), 'read', 'User'),
            ...(organisationId ? [{ organisationId }] : []),
            ...(args.includeInactive ? [] : [{ active: true }]),
          ],
        },
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);
