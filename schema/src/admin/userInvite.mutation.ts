// A fresh one-time link for a person to set their password (a lost invitation, a forgotten
// password). Earlier links stop working; the current password keeps working until a new one is set.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { InvitationType, issueInvitation } from './invitations.ts';

const UserInviteSuccess = builder.objectRef<{ token: string; expiresAt: Date }>('UserInviteSuccess').implement({
  fields: (t) => ({ invitation: t.field({ type: InvitationType, resolve: (r) => r }) }),
});

builder.mutationField('userInvite', (t) =>
  t.field({
    type: UserInviteSuccess,
    errors: { types: [NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'UserInviteResult' } },
    args: { userId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const ability = abilityOf(ctx);
      if (!ability.can('update', 'User')) throw new NotAuthorisedError('Only the partnership administrator issues invitations');
      const id = idOf(args.userId, 'User');
      const user = id ? await ctx.db.user.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'User'), { id, active: true }] } }) : null;
      if (!user) throw new NotFoundError('No active person with that id in your partnership');
      return ctx.db.$transaction(async (tx) => {
        const invitation = await issueInvitation(tx, user, ctx.viewer!.userId, ctx.now());
        await recordAudit(tx, ctx, { action: 'user.invite', subjectType: 'User', subjectId: user.id });
        return invitation;
      });
    },
  }),
);
