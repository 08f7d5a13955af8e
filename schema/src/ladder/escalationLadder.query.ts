// Reading the escalation ladder: everyone in the partnership reads the version in force (or an
// earlier one, to follow a disagreement that started on it); the business manager and the
// administrator list every version. Another partnership's ladder answers as one that does not exist.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import './ladder.type.ts';

builder.queryField('escalationLadder', (t) =>
  t.prismaField({
    type: 'EscalationLadder',
    nullable: true,
    description: "Your partnership's escalation ladder: the version in force, or the version given. Null if there is no such version.",
    args: { version: t.arg.int({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.escalationLadder.findFirst({
        ...query,
        where: {
          AND: [accessibleWhere(abilityOf(ctx), 'read', 'EscalationLadder'), args.version != null ? { version: args.version } : { current: true }],
        },
        // Only one version is current; should two ever be, the newest is the one in force.
        orderBy: { version: 'desc' },
      }),
  }),
);

builder.queryField('escalationLadders', (t) =>
  t.prismaField({
    type: ['EscalationLadder'],
    description: 'Every version of the ladder, newest first. Empty unless you are the business manager or the partnership administrator.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.escalationLadder.findMany({
        ...query,
        where: accessibleWhere(abilityOf(ctx), 'review', 'EscalationLadder'),
        orderBy: { version: 'desc' },
      }),
  }),
);
