// The partnership administrator adds a person: their organisation, roles that fit its kind of
// agency, and a one-time invitation to set their own password (the administrator never knows it).
import { Prisma, Role } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, ValidationError, type FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { problemsOf } from '../common/validation.ts';
import { InvitationType, issueInvitation, NO_PASSWORD } from './invitations.ts';
import { roleFitsAgency } from './roles.ts';
import { RoleEnum, UserType } from './user.type.ts';

const UserCreateInput = builder.inputType('UserCreateInput', {
  fields: (t) => ({
    email: t.string(),
    displayName: t.string(),
    jobTitle: t.string({ required: false }),
    organisationId: t.globalID(),
    roles: t.field({ type: [RoleEnum] }),
  }),
});

export const PersonRules = z.object({
  displayName: z.string({ error: 'Enter the person’s name' }).trim().min(1, 'Enter the person’s name').max(200, 'The name must be 200 characters or fewer'),
  jobTitle: z.string().trim().max(200, 'The job title must be 200 characters or fewer').nullish().transform((v) => v || null),
});
const Rules = PersonRules.extend({
  email: z.string().trim().toLowerCase().max(320, 'The email address must be 320 characters or fewer').email('Enter an email address in the correct format, like name@example.org'),
  roles: z.array(z.enum(Role)).min(1, 'Choose at least one role'),
});

/** Roles that do not fit the organisation's kind of agency, as field problems. */
export function misfittingRoles(roles: readonly Role[], organisation: { name: string; agencyType: Parameters<typeof roleFitsAgency>[1] }, path: string[]): FieldProblem[] {
  return roles.filter((r) => !roleFitsAgency(r, organisation.agencyType)).map((r) => ({ path, message: `${r} is not a role at ${organisation.name}` }));
}

const taken = () => ValidationError.field(['input', 'email'], 'Someone already has an account with this email address');

const UserCreateSuccess = builder.objectRef<{ userId: string; invitation: { token: string; expiresAt: Date } }>('UserCreateSuccess').implement({
  fields: (t) => ({
    user: t.prismaField({ type: UserType, resolve: (query, r, _a, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: r.userId } }) }),
    invitation: t.field({ type: InvitationType, resolve: (r) => r.invitation }),
  }),
});

builder.mutationField('userCreate', (t) =>
  t.field({
    type: UserCreateSuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'UserCreateResult' } },
    args: { input: t.arg({ type: UserCreateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('create', 'User')) throw new NotAuthorisedError('Only the partnership administrator adds people');
      const parsed = Rules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const organisationId = idOf(input.organisationId, 'Organisation');
      const organisation = organisationId
        ? await ctx.db.organisation.findFirst({ where: { id: organisationId, partnershipId: viewer.partnershipId, active: true } })
        : null;
      if (!organisation) problems.push({ path: ['input', 'organisationId'], message: 'Choose an active organisation of your partnership' });
      else if (parsed.success) problems.push(...misfittingRoles(parsed.data.roles, organisation, ['input', 'roles']));
      if (parsed.success && (await ctx.db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } }))) {
        problems.push(...taken().fieldErrors);
      }
      if (!parsed.success || !organisation || problems.length) throw new ValidationError(problems);
      const data = parsed.data;
      const now = ctx.now();
      return ctx.db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            partnershipId: viewer.partnershipId, organisationId: organisation.id, email: data.email, displayName: data.displayName,
            jobTitle: data.jobTitle, roles: [...new Set(data.roles)], passwordHash: NO_PASSWORD, active: true,
          },
        });
        const invitation = await issueInvitation(tx, user, viewer.userId, now);
        await recordAudit(tx, ctx, { action: 'user.create', subjectType: 'User', subjectId: user.id, detail: { organisationId: organisation.id, roles: user.roles } });
        return { userId: user.id, invitation };
      }).catch((error: unknown) => {
        // Two administrators adding the same address at once: the unique index decides.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw taken();
        throw error;
      });
    },
  }),
);
