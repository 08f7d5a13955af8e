// Sign-in with an email address and password. Every refusal reads the same whether or not the
// address has an account; repeated failures pause sign-in for the address for a while.
import { z } from 'zod';
import { builder } from '../builder.ts';
import { UserType } from '../admin/user.type.ts';
import { recordAudit } from '../audit/record.ts';
import { ErrorInterface } from '../common/errors.ts';
import { ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { spendVerifyTime, verifyPassword } from './passwords.ts';
import { openSession, type LoginOutcome } from './sessionOpen.ts';
import { SecondFactorEnrolmentRequired, SecondFactorRequired, secondFactorChallenge } from './secondFactor/challenge.ts';
import { clearFailures, pausedUntil, recordFailure } from './throttle.ts';
import { newReference } from '../common/references.ts';
import { announce } from '../notifications/rules.ts';
import { PasswordSignInDisabledError, refuseDisabledPassword } from './singleSignOn/passwordPolicy.ts';

export class LoginFailedError extends Error {
  constructor() {
    super('The email address or password is not right.');
    this.name = 'LoginFailedError';
  }
}

export class AccountLockedError extends Error {
  constructor(readonly retryAfter: Date) {
    super(
      'Sign-in for this email address is paused after too many failed attempts. ' +
        `Try again after ${retryAfter.toISOString().slice(11, 19)} UTC, or ask your administrator.`,
    );
    this.name = 'AccountLockedError';
  }
}

builder.objectType(LoginFailedError, { name: 'LoginFailedError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(AccountLockedError, {
  name: 'AccountLockedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfter: t.expose('retryAfter', { type: 'DateTime' }) }),
});

const SessionMode = builder.enumType('SessionMode', {
  description: 'How the session is carried: a cookie for browsers, a bearer token for API clients.',
  values: {
    COOKIE: { description: 'An HTTP-only, SameSite cookie; no token in the response.' },
    BEARER_TOKEN: { description: 'The token in the response, for `Authorization: Bearer`; no cookie.' },
  } as const,
});

export const LoginSuccess = builder.objectRef<LoginOutcome>('LoginSuccess').implement({
  fields: (t) => ({
    user: t.field({ type: UserType, resolve: (o) => o.user }),
    token: t.exposeString('token', { nullable: true, description: 'Only for BEARER_TOKEN sessions.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the session ends if not used.' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string(),
    password: t.string(),
    sessionMode: t.field({ type: SessionMode, required: false, defaultValue: 'COOKIE' }),
  }),
});

const LoginRules = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(320, 'Email address must be 320 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
});

builder.mutationField('login', (t) =>
  t.field({
    type: LoginSuccess,
    description:
      'Sign in. Available without a session. Where the partnership asks for a second factor, a right password answers ' +
      'SecondFactorRequired or SecondFactorEnrolmentRequired instead of a session: finish with secondFactorVerify, or ' +
      'secondFactorEnrol and secondFactorConfirm.',
    skipTypeScopes: true,
    errors: {
      types: [ValidationError, LoginFailedError, AccountLockedError, PasswordSignInDisabledError, SecondFactorRequired, SecondFactorEnrolmentRequired],
      directResult: true,
      union: { name: 'LoginResult' },
    },
    args: { input: t.arg({ type: LoginInput }) },
    resolve: async (_root, { input }, ctx) => {
      parseInput(LoginRules, input);
      const email = input.email.trim().toLowerCase();
      const now = ctx.now();
      const address = ctx.request.ipAddress;
      const paused = await pausedUntil(ctx.db, ctx.auth, email, address);
      if (paused) throw new AccountLockedError(paused);

      const user = await ctx.db.user.findUnique({ where: { email }, include: { organisation: true } });
      const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await spendVerifyTime(input.password), false);
      const allowed = user !== null && passwordOk && user.active && user.organisation.active;

      if (!allowed) {
        const { pausedUntil: until, accountFirstPaused } = await recordFailure(ctx.db, ctx.auth, email, address);
        await ctx.db.$transaction(async (tx) => {
          const actor = user ? { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId } : undefined;
          await recordAudit(tx, ctx, { action: 'session.login_failed', actor, detail: { knownAccount: user !== null } });
          if (until && accountFirstPaused && user) {
            await tx.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
            await recordAudit(tx, ctx, { action: 'account.locked', actor, subjectType: 'User', subjectId: user.id });
            // The account's holder hears of it (someone may be guessing their password); the
            // person signing in learns nothing more than the lock-out message everyone gets.
            await announce(tx, 'ACCOUNT_LOCKED', { userId: user.id }, {
              partnershipId: user.partnershipId, subjectType: 'User', subjectId: user.id, reference: newReference('SEC'), actorUserId: null, at: now,
            });
          }
        });
        throw until ? new AccountLockedError(until) : new LoginFailedError();
      }

      await refuseDisabledPassword(ctx, user);
      await clearFailures(ctx.db, ctx.auth, email, address);
      const bearer = input.sessionMode === 'BEARER_TOKEN';
      // Those who can read a child's record give a code from their authenticator app as well.
      const pending = await secondFactorChallenge(ctx, user, bearer ? 'BEARER_TOKEN' : 'COOKIE');
      if (pending) throw pending;
      return openSession(ctx, user, bearer);
    },
  }),
);
