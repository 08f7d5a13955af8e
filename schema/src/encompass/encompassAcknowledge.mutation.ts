// The school's DSL group records that it has read an Operation Encompass notification, which
// closes its deadline. Anyone else (a staff member, another school, the police) gets "not found".
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import './notification.type.ts';

const EncompassAcknowledgeSuccess = successType('EncompassAcknowledgeSuccess', 'notification', 'EncompassNotification');

const acknowledgedAlready = () => ValidationError.field(['id'], 'This notification has been acknowledged already');

builder.mutationField('encompassAcknowledge', (t) =>
  t.field({
    type: EncompassAcknowledgeSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'EncompassAcknowledgeResult' } },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = idOf(args.id, 'EncompassNotification');
      const notification = id
        ? await ctx.db.encompassNotification.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'update', 'EncompassNotification'), { id }] } })
        : null;
      if (!notification) throw new NotFoundError('No Operation Encompass notification with that id for your school');
      if (notification.acknowledgedAt) throw acknowledgedAlready();

      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        // Guarded update: two DSLs acknowledging at once record one acknowledgement.
        const updated = await tx.encompassNotification.updateMany({
          where: { id: notification.id, acknowledgedAt: null },
          data: { acknowledgedAt: now, acknowledgedById: ctx.viewer!.userId },
        });
        if (updated.count !== 1) throw acknowledgedAlready();
        await tx.deadline.updateMany({
          where: { kind: 'ENCOMPASS_DUE', subjectId: notification.id, state: 'PENDING' },
          data: { state: 'DONE', handledAt: now },
        });
        await recordAudit(tx, ctx, {
          action: 'encompass.acknowledge',
          subjectType: 'EncompassNotification',
          subjectId: notification.id,
          childId: notification.childId,
          detail: { beforeSchoolDay: now <= notification.dueBy },
        });
      });
      return { id: notification.id };
    },
  }),
);
