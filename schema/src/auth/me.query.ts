import { builder } from '../builder.ts';
import '../admin/user.type.ts';

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    description: 'The signed-in person.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.user.findUniqueOrThrow({ ...query, where: { id: ctx.viewer!.userId } }),
  }),
);
