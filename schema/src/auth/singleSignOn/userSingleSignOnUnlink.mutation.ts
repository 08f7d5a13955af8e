// The partnership administrator unlinks a person from the provider account they first signed in
// with: when their organisation has given their address to a new account (a name change, a
// rejoiner), single sign-on refuses the new one until then. The person's next single sign-on links
// whichever provider account vouches for their address.
import { abilityOf } from '../../access/ability.ts';
import { accessibleWhere } from '../../access/casl.ts';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { NotAuthorisedError, NotFoundError } from '../../common/failures.ts';
import { idOf } from '../../common/ids.ts';
import { successType } from '../../common/results.ts';

const UserSingleSignOnUnlinkInput = builder.inputType('UserSingleSignOnUnlinkInput', {
  fields: (t) => ({ userId: t.globalID() }),
});

builder.mutationField('userSingleSignOnUnlink', (t) =>
  t.field({
    type: successType('UserSingleSignOnUnlinkSuccess', 'user', 'User'),
    description: "Unlinks a person from their organisation's provider account (partnership administrators only).",
    errors: { types: [NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'UserSingleSignOnUnlinkResult' } },
    args: { input: t.arg({ type: UserSingleSignOnUnlinkInput }) },
    resolve: async (_root, { input }, ctx) => {
      const ability = abilityOf(ctx);
      if (!ability.can('update', 'User')) throw new NotAuthorisedError('Only the partnership administrator changes people’s accounts');
      const id = idOf(input.userId, 'User');
      const user = id
        ? await ctx.db.user.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'User'), { id }] }, include: { singleSignOnIdentity: true } })
        : null;
      if (!user) throw new NotFoundError('No person with that id in your partnership');
      const link = user.singleSignOnIdentity;
      if (!link) throw new NotFoundError(`${user.displayName} is not linked to an account at their organisation’s identity provider`);
      await ctx.db.$transaction(async (tx) => {
        await tx.singleSignOnIdentity.delete({ where: { id: link.id } });
        await recordAudit(tx, ctx, { action: 'user.single_sign_on_unlinked', subjectType: 'User', subjectId: user.id, detail: { issuer: link.issuer } });
      });
      return { id: user.id };
    },
  }),
);
