// One person of the partnership, for those who read its list of people (the administrator and the
// IG lead). Anyone else, or a person of another partnership, gets null, as for a made-up id.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './user.type.ts';

builder.queryField('user', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'One person of your partnership (partnership administrators and the information-governance lead; null for anyone else).',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = idOf(args.id, 'User');
      if (!id) return null;
      return ctx.db.user.findFirst({ ...query, where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'User'), { id }] } });
    },
  }),
);
