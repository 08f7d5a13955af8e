// The administrator sends a failed email again: it goes back to the outbox with its attempts
// counted afresh, under the same idempotency key and Message-ID, and the retry is audited.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { NotificationType } from './notification.type.ts';

const Retried = builder.objectRef<{ id: string }>('NotificationRetrySuccess').implement({
  fields: (t) => ({
    notification: t.prismaField({ type: NotificationType, resolve: (query, r, _a, ctx) => ctx.db.notification.findUniqueOrThrow({ ...query, where: { id: r.id } }) }),
  }),
});

builder.mutationField('notificationRetry', (t) =>
  t.field({
    type: Retried,
    errors: { types: [NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'NotificationRetryResult' } },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const ability = abilityOf(ctx);
      if (!ability.can('retry', 'Notification')) throw new NotAuthorisedError('Only partnership administrators send failed emails again');
      const id = idOf(args.id, 'Notification');
      const now = ctx.now();
      const retried = await ctx.db.$transaction(async (tx) => {
        // Only a FAILED email of the administrator's partnership: anything else is "not found".
        const changed = id
          ? await tx.notification.updateMany({
              where: { AND: [accessibleWhere(ability, 'retry', 'Notification'), { id }] },
              data: { status: 'PENDING', attempts: 0, nextAttemptAt: now },
            })
          : { count: 0 };
        if (changed.count !== 1) return false;
        await recordAudit(tx, ctx, { action: 'notification.retry', subjectType: 'Notification', subjectId: id! });
        return true;
      });
      if (!retried) throw new NotFoundError('No failed email with that id');
      return { id: id! };
    },
  }),
);
