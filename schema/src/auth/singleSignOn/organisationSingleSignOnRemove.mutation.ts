// The partnership administrator disconnects an organisation from its identity provider: its
// people sign in with their Wraparound passwords again. The links between people and their
// provider accounts stay, so reconnecting the same provider needs nobody to be matched again.
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { NotAuthorisedError, NotFoundError } from '../../common/failures.ts';
import { successType } from '../../common/results.ts';
import { administeredOrganisation } from './administeredOrganisation.ts';

const OrganisationSingleSignOnRemoveInput = builder.inputType('OrganisationSingleSignOnRemoveInput', {
  fields: (t) => ({ organisationId: t.globalID() }),
});

const OrganisationSingleSignOnRemoveSuccess = successType('OrganisationSingleSignOnRemoveSuccess', 'organisation', 'Organisation');

builder.mutationField('organisationSingleSignOnRemove', (t) =>
  t.field({
    type: OrganisationSingleSignOnRemoveSuccess,
    description: 'Disconnects an organisation from its identity provider (partnership administrators only).',
    errors: { types: [NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'OrganisationSingleSignOnRemoveResult' } },
    args: { input: t.arg({ type: OrganisationSingleSignOnRemoveInput }) },
    resolve: async (_root, { input }, ctx) => {
      const organisation = await administeredOrganisation(ctx, input.organisationId);
      if (!organisation.singleSignOn) throw new NotFoundError(`${organisation.name} has no single sign-on`);
      const removed = organisation.singleSignOn;
      await ctx.db.$transaction(async (tx) => {
        await tx.organisationSingleSignOn.delete({ where: { organisationId: organisation.id } });
        await recordAudit(tx, ctx, {
          action: 'organisation.single_sign_on_removed',
          subjectType: 'Organisation',
          subjectId: organisation.id,
          detail: { issuer: removed.issuer, clientId: removed.clientId },
        });
      });
      return { id: organisation.id };
    },
  }),
);
