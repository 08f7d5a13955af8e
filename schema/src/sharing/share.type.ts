import { OrganisationType } from '../admin/organisation.type.ts';
import { UserType } from '../admin/user.type.ts';
import { builder } from '../builder.ts';
import {
  ConsentNotSoughtReasonEnum, ConsentStatusEnum, LawfulBasisEnum, ShareDecisionEnum, SpecialCategoryConditionEnum,
} from '../common/enums.ts';
import { personById, requiredPerson } from '../restrictions/people.ts';

export const ShareType = builder.prismaNode('Share', {
  id: { field: 'id' },
  description: 'A recorded decision to share an entry with an organisation or a person, or not to, with its reasons.',
  fields: (t) => ({
    decision: t.expose('decision', { type: ShareDecisionEnum }),
    whatShared: t.exposeString('whatShared'),
    purpose: t.exposeString('purpose'),
    lawfulBasis: t.expose('lawfulBasis', { type: LawfulBasisEnum, nullable: true }),
    specialCategoryCondition: t.expose('specialCategoryCondition', { type: SpecialCategoryConditionEnum, nullable: true }),
    consentStatus: t.expose('consentStatus', { type: ConsentStatusEnum, nullable: true }),
    consentNotSoughtReason: t.expose('consentNotSoughtReason', { type: ConsentNotSoughtReasonEnum, nullable: true }),
    consentNote: t.exposeString('consentNote', { nullable: true }),
    reasonNotShared: t.exposeString('reasonNotShared', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revokeReason: t.exposeString('revokeReason', { nullable: true }),
    // The model keeps ids only. People come through the batched loader, organisations through
    // findUnique, which Prisma batches: a list of decisions costs one query for each, not one per row.
    recipientOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      resolve: (s, _args, ctx) =>
        s.recipientOrganisationId
          ? ctx.db.organisation.findUnique({ where: { id_partnershipId: { id: s.recipientOrganisationId, partnershipId: s.partnershipId } } })
          : null,
    }),
    recipientUser: t.field({
      type: UserType,
      nullable: true,
      resolve: (s, _args, ctx) => (s.recipientUserId ? personById(ctx, s.recipientUserId) : null),
    }),
    decidedBy: t.field({ type: UserType, resolve: (s, _args, ctx) => requiredPerson(ctx, s.decidedById) }),
    revokedBy: t.field({
      type: UserType,
      nullable: true,
      resolve: (s, _args, ctx) => (s.revokedById ? personById(ctx, s.revokedById) : null),
    }),
    live: t.boolean({
      description: 'A share that is in force: not revoked and not expired.',
      resolve: (s, _args, ctx) => s.decision === 'SHARE' && !s.revokedAt && (!s.expiresAt || s.expiresAt > ctx.now()),
    }),
  }),
});
