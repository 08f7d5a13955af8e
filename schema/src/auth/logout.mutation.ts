import { builder } from '../builder.ts';
import { recordAudit } from '../audit/record.ts';
import { endSession } from './sessions.ts';

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'End the current session. Its token stops working at once.',
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer!;
      await ctx.db.$transaction(async (tx) => {
        await endSession(tx, viewer.sessionId, ctx.now(), 'logout');
        await recordAudit(tx, ctx, { action: 'session.logout', subjectType: 'Session', subjectId: viewer.sessionId });
      });
      ctx.clearSessionCookie();
      return true;
    },
  }),
);
