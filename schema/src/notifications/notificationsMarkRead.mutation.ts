// Marking notifications read: some (by id) or all. Ids that are not the viewer's own notifications
// are "not found", and then nothing is marked, so a client never half-succeeds.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import type { Context } from '../context.ts';
import { NotificationType } from './notification.type.ts';
import { myFeed, unreadCount } from './notifications.query.ts';

const FeedChange = builder.objectRef<{ ids: string[] }>('NotificationsMarkReadSuccess').implement({
  fields: (t) => ({
    unreadCount: t.int({ resolve: (_r, _a, ctx) => unreadCount(ctx) }),
    notifications: t.prismaField({
      type: [NotificationType],
      description: 'The notifications marked, as they are now.',
      resolve: (query, r, _a, ctx) => ctx.db.notification.findMany({ ...query, where: { id: { in: r.ids } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    }),
  }),
});

const markable = (ctx: Context) => ({ AND: [accessibleWhere(abilityOf(ctx), 'update', 'Notification'), myFeed(ctx)] });

builder.mutationField('notificationsMarkRead', (t) =>
  t.field({
    type: FeedChange,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'NotificationsMarkReadResult' } },
    args: { ids: t.arg.globalIDList({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (args.ids.length === 0) throw ValidationError.field(['ids'], 'Choose at least one notification');
      if (args.ids.length > 500) throw ValidationError.field(['ids'], 'Mark at most 500 notifications at once');
      const ids = [...new Set(args.ids.map((g) => idOf(g, 'Notification')))];
      if (ids.includes(null)) throw new NotFoundError('No notification of yours with that id');
      const wanted = ids as string[];
      await ctx.db.$transaction(async (tx) => {
        const mine = await tx.notification.count({ where: { AND: [markable(ctx), { id: { in: wanted } }] } });
        if (mine !== wanted.length) throw new NotFoundError('No notification of yours with that id');
        // Already-read ones keep the time they were first read.
        await tx.notification.updateMany({ where: { AND: [markable(ctx), { id: { in: wanted }, readAt: null }] }, data: { readAt: ctx.now() } });
      });
      return { ids: wanted };
    },
  }),
);

builder.mutationField('notificationsMarkAllRead', (t) =>
  t.field({
    type: FeedChange,
    resolve: async (_root, _args, ctx) => {
      const unread = await ctx.db.notification.findMany({ where: { AND: [markable(ctx), { readAt: null }] }, select: { id: true } });
      await ctx.db.notification.updateMany({ where: { AND: [markable(ctx), { id: { in: unread.map((n) => n.id) } }] }, data: { readAt: ctx.now() } });
      return { ids: unread.map((n) => n.id) };
    },
  }),
);
