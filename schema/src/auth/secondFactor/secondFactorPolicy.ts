// The partnership's policy: whether those who can read a child's record give a code from an
// authenticator app after their password (policy.ts). On by default; read by everyone signed in,
// changed by the partnership administrator only, and every change audited.
import { z } from 'zod';
import { abilityOf } from '../../access/ability.ts';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { NotAuthorisedError, ValidationError } from '../../common/failures.ts';
import { parseInput } from '../../common/validation.ts';

const Policy = builder.objectRef<{ secondFactorRequired: boolean }>('SecondFactorPolicy').implement({
  description: 'Whether password sign-in asks those who can read a child’s record for a code from an authenticator app.',
  fields: (t) => ({ required: t.exposeBoolean('secondFactorRequired') }),
});

const SELECT = { secondFactorRequired: true } as const;

builder.queryField('secondFactorPolicy', (t) =>
  t.field({ type: Policy, resolve: (_root, _args, ctx) => ctx.db.partnership.findUniqueOrThrow({ where: { id: ctx.viewer!.partnershipId }, select: SELECT }) }),
);

const Input = builder.inputType('SecondFactorPolicyInput', { fields: (t) => ({ required: t.boolean() }) });

builder.mutationField('secondFactorPolicyUpdate', (t) =>
  t.field({
    type: Policy,
    description: 'Turn the second factor at password sign-in on or off for the partnership. Partnership administrator only.',
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'SecondFactorPolicyUpdateResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('update', 'PartnershipSettings')) throw new NotAuthorisedError('Only the partnership administrator changes how people sign in');
      const { required } = parseInput(z.object({ required: z.boolean() }), input);
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.partnership.findUniqueOrThrow({ where: { id: viewer.partnershipId }, select: SELECT });
        const saved = await tx.partnership.update({ where: { id: viewer.partnershipId }, data: { secondFactorRequired: required }, select: SELECT });
        await recordAudit(tx, ctx, { action: 'second_factor_policy.update', detail: { requiredBefore: before.secondFactorRequired, required } });
        return saved;
      });
    },
  }),
);
