// Withdraw a share: from now on the recipient no longer sees the entry. The share itself stays,
// with who withdrew it, when and why.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { parseInput } from '../common/validation.ts';
import { revokeRules } from './shareRules.ts';
import './share.type.ts';

const ShareRevokeSuccess = successType('ShareRevokeSuccess', 'share', 'Share');

builder.mutationField('shareRevoke', (t) =>
  t.field({
    type: ShareRevokeSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ShareRevokeResult' } },
    args: { shareId: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { reason } = parseInput(revokeRules, { reason: args.reason }, []);
      const id = idOf(args.shareId, 'Share');
      const share = id
        ? await ctx.db.share.findFirst({
            where: { id, decision: 'SHARE', entry: { is: accessibleWhere(abilityOf(ctx), 'share', 'ChronologyEntry') } },
          })
        : null;
      if (!share) throw new NotFoundError('No share with that id that you can withdraw');
      if (share.revokedAt) throw ValidationError.field(['shareId'], 'This share has been withdrawn already');
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await tx.share.update({ where: { id: share.id }, data: { revokedAt: now, revokedById: ctx.viewer!.userId, revokeReason: reason } });
        await tx.deadline.updateMany({ where: { kind: 'SHARE_EXPIRY', subjectId: share.id, state: 'PENDING' }, data: { state: 'CANCELLED', handledAt: now } });
        await recordAudit(tx, ctx, { action: 'share.revoke', subjectType: 'Share', subjectId: share.id, childId: share.childId });
      });
      return { id: share.id };
    },
  }),
);
