// Whether a person has set up an authenticator app: for the person and their administrator (who
// resets it), nobody else.
import { abilityOf } from '../../access/ability.ts';
import { builder } from '../../builder.ts';
import '../../admin/user.type.ts';

builder.prismaObjectField('User', 'secondFactorEnrolled', (t) =>
  t.boolean({
    nullable: true,
    description: 'Whether the person has set up an authenticator app. Only for themselves and their administrator.',
    select: { mfaSecret: true, partnershipId: true },
    resolve: (user, _args, ctx) => {
      const viewer = ctx.viewer;
      const mayKnow = viewer && (viewer.userId === user.id || (abilityOf(ctx).can('update', 'User') && viewer.partnershipId === user.partnershipId));
      return mayKnow ? user.mfaSecret !== null : null;
    },
  }),
);
