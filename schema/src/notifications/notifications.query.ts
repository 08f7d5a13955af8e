// The viewer's in-app feed, newest first, and how many they have not read. Only ever the viewer's
// own notifications: the feed is "mine" by definition, and the access rules say the same in SQL.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import './notification.type.ts';

export function myFeed(ctx: Context) {
  return { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Notification'), { recipientUserId: ctx.viewer!.userId, channel: 'IN_APP' as const }] };
}

export const unreadCount = (ctx: Context) => ctx.db.notification.count({ where: { AND: [myFeed(ctx), { readAt: null }] } });

builder.queryField('notifications', (t) =>
  t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description: 'Your notifications in the app, newest first.',
    args: { unreadOnly: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.notification.findMany({
        ...query,
        where: { AND: [myFeed(ctx), ...(args.unreadOnly ? [{ readAt: null }] : [])] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);

builder.queryField('notificationUnreadCount', (t) =>
  t.int({ description: 'How many of your in-app notifications you have not read.', resolve: (_root, _args, ctx) => unreadCount(ctx) }),
);
