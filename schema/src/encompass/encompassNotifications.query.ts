// Operation Encompass notifications: for a school's DSL group those for their school, for the
// police those their organisation sent, newest incident first. Filtered in SQL by the rules (a
// school's staff member sees none); the notifications listed are audited, since each names a child.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import './notification.type.ts';
import { pageShown } from '../common/pageShown.ts';

builder.queryField('encompassNotifications', (t) =>
  t.prismaConnection({
    type: 'EncompassNotification',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    description: 'Operation Encompass notifications for your school (its DSLs only), or sent by your police organisation.',
    args: { unacknowledgedOnly: t.arg.boolean({ required: false, description: 'Only those the school has not yet acknowledged.' }) },
    resolve: async (query, _root, args, ctx) => {
      const notifications = await ctx.db.encompassNotification.findMany({
        ...query,
        where: {
          AND: [accessibleWhere(abilityOf(ctx), 'read', 'EncompassNotification'), args.unacknowledgedOnly ? { acknowledgedAt: null } : {}],
        },
        orderBy: [{ incidentAt: 'desc' }, { id: 'desc' }],
      });
      const shown = pageShown(notifications, query);
      await recordAudit(ctx.db, ctx, {
        action: 'encompass.list',
        detail: { notificationIds: shown.map((n) => n.id), childIds: shown.map((n) => n.childId) },
      });
      return notifications;
    },
  }),
);
