// Live updates of the viewer's own feed (GraphQL over SSE). The server hears of every new in-app
// notification through PostgreSQL (ids only, whichever process wrote it); each one is re-read here
// as the subscriber, through the same rules as the feed, so nobody ever receives another person's.
// Before each one, and every minute in between, the session is checked again: a session that has
// ended, or a person whose account was deactivated, stops receiving and the stream closes.
import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';
import type { Notification, NotificationEvent } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { NotificationType } from './notification.type.ts';
import { myFeed } from './notifications.query.ts';

const RECHECK_MS = 60_000;

async function stillSignedIn(ctx: Context) {
  const viewer = ctx.viewer!;
  const session = await ctx.db.session.findFirst({
    where: { id: viewer.sessionId, endedAt: null, expiresAt: { gt: ctx.now() }, user: { active: true, organisation: { active: true } } },
    select: { id: true },
  });
  return session !== null;
}

builder.subscriptionField('notificationReceived', (t) =>
  t.field({
    type: NotificationType,
    description: 'Each new notification in your feed, as it happens.',
    subscribe: async (_root, _args, ctx) => {
      if (!ctx.live) throw new GraphQLError('Live updates are not available on this server.');
      const ids = await ctx.live.subscribe(ctx.viewer!.userId);
      return new Repeater<Notification & { event: NotificationEvent }>(async (push, stop) => {
        const recheck = setInterval(() => {
          void stillSignedIn(ctx).then((ok) => ok || stop(), () => stop());
        }, RECHECK_MS);
        void stop.then(() => {
          clearInterval(recheck);
          void ids.return?.();
        });
        for await (const id of ids) {
          if (!(await stillSignedIn(ctx))) break;
          const notification = await ctx.db.notification.findFirst({ where: { AND: [myFeed(ctx), { id }] }, include: { event: true } });
          if (notification) await push(notification);
        }
        stop();
      });
    },
    resolve: (notification) => notification as Notification & { event: NotificationEvent },
  }),
);
