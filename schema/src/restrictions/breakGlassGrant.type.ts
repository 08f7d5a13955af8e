import { builder } from '../builder.ts';
import { UserType } from '../admin/user.type.ts';
import { personById, requiredPerson } from './people.ts';

// The child is given as an id only: the IG lead reviews grants without being able to read the
// child's record, and the grantee reaches it through `child`, which checks the grant.
export const BreakGlassGrantType = builder.prismaNode('BreakGlassGrant', {
  id: { field: 'id' },
  description: "Emergency access to a child's record: with a reason, for a limited time, reported to the information-governance lead.",
  fields: (t) => ({
    childId: t.globalID({ resolve: (g) => ({ type: 'Child', id: g.childId }) }),
    user: t.field({
      type: UserType,
      description: 'Who broke the glass.',
      resolve: (g, _args, ctx) => requiredPerson(ctx, g.userId),
    }),
    reason: t.exposeString('reason'),
    grantedAt: t.expose('grantedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    live: t.boolean({ description: 'Not yet expired.', resolve: (g, _args, ctx) => g.expiresAt > ctx.now() }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewedBy: t.field({
      type: UserType,
      nullable: true,
      resolve: (g, _args, ctx) => (g.reviewedById ? personById(ctx, g.reviewedById) : null),
    }),
    reviewOutcome: t.exposeString('reviewOutcome', { nullable: true }),
  }),
});
