// For the information-governance lead: who has seen this child's record, and what has this user
// accessed. Reading the log is itself logged.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import { recordAudit } from './record.ts';
import './auditEvent.type.ts';

builder.queryField('childAccessLog', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'seq',
    description: "Every recorded access to a child's record, newest first. Empty unless you are the information-governance lead.",
    defaultSize: 50,
    maxSize: 200,
    args: { childId: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const childId = idOf(args.childId, 'Child');
      if (!childId) return [];
      const events = await ctx.db.auditEvent.findMany({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'AuditEvent'), { childId }] },
        orderBy: { seq: 'desc' },
      });
      if (abilityOf(ctx).can('read', 'AuditEvent')) {
        await recordAudit(ctx.db, ctx, { action: 'audit.child_access_log', subjectType: 'Child', subjectId: childId, childId });
      }
      return events;
    },
  }),
);

builder.queryField('userAccessLog', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'seq',
    description: 'Everything a user has done or read, newest first. Empty unless you are the information-governance lead.',
    defaultSize: 50,
    maxSize: 200,
    args: { userId: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const userId = idOf(args.userId, 'User');
      if (!userId) return [];
      const events = await ctx.db.auditEvent.findMany({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'AuditEvent'), { actorUserId: userId }] },
        orderBy: { seq: 'desc' },
      });
      if (abilityOf(ctx).can('read', 'AuditEvent')) {
        await recordAudit(ctx.db, ctx, { action: 'audit.user_access_log', subjectType: 'User', subjectId: userId });
      }
      return events;
    },
  }),
);
