// One person of the partnership, for its administrator to change their details (null for anyone
// else, and for an id that is not a person of the viewer's partnership).
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './user.type.ts';

builder.queryField('user', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'A person of your partnership (partnership administrators; null for anyone else).',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = idOf(args.id, 'User');
      return id ? ctx.db.user.findFirst({ ...query, where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'User'), { id }] } }) : null;
    },
  }),
);
