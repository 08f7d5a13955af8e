// The partnership administrator changes a person's name, job title or roles, or deactivates them
// (their sessions end at once and they can no longer sign in), or reactivates them. An
// administrator cannot lock themselves out: they cannot deactivate themselves or drop their own
// administrator role.
import { Role } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError, type FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { problemsOf } from '../common/validation.ts';
import { successType } from '../common/results.ts';
import { misfittingRoles, PersonRules } from './userCreate.mutation.ts';
import { RoleEnum } from './user.type.ts';

const UserUpdateInput = builder.inputType('UserUpdateInput', {
  fields: (t) => ({
    userId: t.globalID(),
    displayName: t.string({ required: false }),
    jobTitle: t.string({ required: false }),
    roles: t.field({ type: [RoleEnum], required: false }),
    active: t.boolean({ required: false }),
  }),
});

const Rules = PersonRules.partial().extend({
  roles: z.array(z.enum(Role)).min(1, 'Choose at least one role').nullish(),
  active: z.boolean().nullish(),
});

builder.mutationField('userUpdate', (t) =>
  t.field({
    type: successType('UserUpdateSuccess', 'user', 'User'),
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'UserUpdateResult' } },
    args: { input: t.arg({ type: UserUpdateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('update', 'User')) throw new NotAuthorisedError('Only the partnership administrator changes people’s accounts');
      const id = idOf(input.userId, 'User');
      const user = id ? await ctx.db.user.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'User'), { id }] }, include: { organisation: true } }) : null;
      if (!user) throw new NotFoundError('No person with that id in your partnership');
      const parsed = Rules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const data = parsed.success ? parsed.data : null;
      if (data?.roles) problems.push(...misfittingRoles(data.roles, user.organisation, ['input', 'roles']));
      if (user.id === viewer.userId && data?.active === false) problems.push({ path: ['input', 'active'], message: 'You cannot deactivate your own account' });
      if (user.id === viewer.userId && data?.roles && !data.roles.includes('PARTNERSHIP_ADMIN')) {
        problems.push({ path: ['input', 'roles'], message: 'You cannot remove your own administrator role' });
      }
      if (!data || problems.length) throw new ValidationError(problems);
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: {
            ...(data.displayName ? { displayName: data.displayName } : {}),
            ...(data.jobTitle !== undefined ? { jobTitle: data.jobTitle } : {}),
            ...(data.roles ? { roles: [...new Set(data.roles)] } : {}),
            ...(typeof data.active === 'boolean' ? { active: data.active } : {}),
          },
        });
        // Deactivated, or with different roles: sessions started under the old account end now.
        if (data.active === false || data.roles) {
          await tx.session.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now, endReason: data.active === false ? 'deactivated' : 'roles changed' } });
        }
        await recordAudit(tx, ctx, {
          action: data.active === false ? 'user.deactivate' : data.active === true && !user.active ? 'user.reactivate' : 'user.update',
          subjectType: 'User', subjectId: user.id,
          detail: {
            rolesBefore: user.roles, roles: data.roles ?? user.roles, activeBefore: user.active, active: data.active ?? user.active,
            changed: [data.displayName && data.displayName !== user.displayName ? 'displayName' : null, data.jobTitle !== undefined && data.jobTitle !== user.jobTitle ? 'jobTitle' : null]
              .filter((f): f is string => f !== null),
          },
        });
      });
      return { id: user.id };
    },
  }),
);
