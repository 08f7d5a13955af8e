import '../admin/organisation.type.ts';
import '../admin/user.type.ts';
import { builder } from '../builder.ts';
import {
  ConsentNotSoughtReasonEnum, ConsentStatusEnum, LawfulBasisEnum, ShareDecisionEnum, SpecialCategoryConditionEnum,
} from '../common/enums.ts';
import { organisationWithQuery, personWithQuery } from '../common/loaders.ts';

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
    // The model keeps ids only: people and organisations come through loaders that take the
    // field's selection, so a list of decisions costs one query for each, not one per row.
    recipientOrganisation: t.prismaField({
      type: 'Organisation',
      nullable: true,
      resolve: (query, s, _args, ctx) => organisationWithQuery(ctx, query, s.recipientOrganisationId),
    }),
    recipientUser: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, s, _args, ctx) => personWithQuery(ctx, query, s.recipientUserId),
    }),
    decidedBy: t.prismaField({
      type: 'User',
      resolve: async (query, s, _args, ctx) => {
        const person = await personWithQuery(ctx, query, s.decidedById);
        if (!person) throw new Error(`no user ${s.decidedById} in the viewer's partnership`);
        return person;
      },
    }),
    revokedBy: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, s, _args, ctx) => personWithQuery(ctx, query, s.revokedById),
    }),
    live: t.boolean({
      description: 'A share that is in force: not revoked and not expired.',
      resolve: (s, _args, ctx) => s.decision === 'SHARE' && !s.revokedAt && (!s.expiresAt || s.expiresAt > ctx.now()),
    }),
  }),
});
