// Emails that could not be delivered after every attempt, for the partnership administrator to
// see and act on (correct an address, then send again): a notification that silently fails is how
// a child falls through the net.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import './notification.type.ts';

builder.queryField('notificationFailures', (t) =>
  t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 200,
    description: 'Emails in your partnership that could not be delivered: for partnership administrators (empty for anyone else).',
    resolve: (query, _root, _args, ctx) => {
      return ctx.db.notification.findMany({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'retry', 'Notification'), { channel: 'EMAIL', status: 'FAILED' }] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
);
