// An organisation's single sign-on, as its partnership administrator sees it: which identity
// provider, which email domains go there, and whether passwords are still allowed. The client
// secret is never returned: the administrator can only replace it.
import type { OrganisationSingleSignOn } from '@wraparound/prisma';
import { abilityOf } from '../../access/ability.ts';
import { builder } from '../../builder.ts';
import { OrganisationType } from '../../admin/organisation.type.ts';

/** Where a person of the organisation starts a single sign-on: a link its intranet can carry. */
export const signInPathOf = (organisationId: string) => `/auth/sso/start?organisation=${organisationId}`;

export const SingleSignOnConfigurationType = builder.objectRef<OrganisationSingleSignOn>('SingleSignOnConfiguration').implement({
  description: "An organisation's own identity provider (OpenID Connect), for its people to sign in with their work account.",
  fields: (t) => ({
    issuer: t.exposeString('issuer', { description: "The provider's OpenID Connect issuer address." }),
    clientId: t.exposeString('clientId', { description: 'The client id the provider gave Wraparound.' }),
    emailDomains: t.exposeStringList('emailDomains', {
      description: "Email domains whose people the sign-in page sends to this provider (a shared domain, like nhs.net, is better left out: use signInPath).",
    }),
    passwordsDisabled: t.exposeBoolean('passwordsDisabled', { description: 'Its people sign in only through the provider, never with a password.' }),
    signInPath: t.string({
      description: 'The address (on this service) that starts a sign-in with this provider, for a link on the organisation’s intranet.',
      resolve: (c) => signInPathOf(c.organisationId),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(OrganisationType, 'singleSignOn', (t) =>
  t.field({
    type: SingleSignOnConfigurationType,
    nullable: true,
    description: "Its identity provider for single sign-on, if it has one. The partnership administrator's only: null for anyone else.",
    select: { partnershipId: true, singleSignOn: true },
    resolve: (o, _args, ctx) =>
      ctx.viewer !== null && o.partnershipId === ctx.viewer.partnershipId && abilityOf(ctx).can('update', 'Organisation') ? o.singleSignOn : null,
  }),
);
