// The partnership administrator connects one of the partnership's organisations to its own
// identity provider (a police force's, an NHS trust's), or changes that connection. The client
// secret is written and never read back: left out, the one stored stays. Every problem is reported
// at once against its field and nothing changes; the change is audited without the secret.
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError, type FieldProblem } from '../../common/failures.ts';
import { successType } from '../../common/results.ts';
import { problemsOf } from '../../common/validation.ts';
import { administeredOrganisation } from './administeredOrganisation.ts';
import { ConfigurationRules } from './rules.ts';

const OrganisationSingleSignOnSetInput = builder.inputType('OrganisationSingleSignOnSetInput', {
  fields: (t) => ({
    organisationId: t.globalID(),
    issuer: t.string({ description: "The identity provider's OpenID Connect issuer address (https)." }),
    clientId: t.string(),
    clientSecret: t.string({ required: false, description: 'Required the first time; left out, the stored secret stays.' }),
    emailDomains: t.stringList({ description: 'Email domains of its people, for the sign-in page to find the provider (may be empty).' }),
    passwordsDisabled: t.boolean({ description: 'Its people sign in only through the provider.' }),
  }),
});

const OrganisationSingleSignOnSetSuccess = successType('OrganisationSingleSignOnSetSuccess', 'organisation', 'Organisation');

/** Only one change to single sign-on at a time in the whole service: email domains are unique across it. */
const LOCK = 'wraparound.single_sign_on';

builder.mutationField('organisationSingleSignOnSet', (t) =>
  t.field({
    type: OrganisationSingleSignOnSetSuccess,
    description: "Connects an organisation to its identity provider for single sign-on (partnership administrators only).",
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'OrganisationSingleSignOnSetResult' } },
    args: { input: t.arg({ type: OrganisationSingleSignOnSetInput }) },
    resolve: async (_root, { input }, ctx) => {
      const organisation = await administeredOrganisation(ctx, input.organisationId);

      const parsed = ConfigurationRules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const before = organisation.singleSignOn;
      if (parsed.success && !parsed.data.clientSecret && !before) {
        problems.push({ path: ['input', 'clientSecret'], message: 'Enter the client secret the identity provider gave Wraparound' });
      }

      await ctx.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
        if (parsed.success && parsed.data.emailDomains.length) {
          const taken = await tx.organisationSingleSignOn.findMany({
            where: { organisationId: { not: organisation.id }, emailDomains: { hasSome: parsed.data.emailDomains } },
            select: { emailDomains: true },
          });
          // Another organisation, perhaps of another partnership: it is not named.
          for (const domain of parsed.data.emailDomains.filter((d) => taken.some((o) => o.emailDomains.includes(d)))) {
            problems.push({ path: ['input', 'emailDomains'], message: `${domain} already goes to another organisation’s identity provider` });
          }
        }
        if (!parsed.success || problems.length) throw new ValidationError(problems);
        const { clientSecret, ...settings } = parsed.data;
        if (before) {
          await tx.organisationSingleSignOn.update({ where: { organisationId: organisation.id }, data: { ...settings, ...(clientSecret ? { clientSecret } : {}) } });
        } else {
          await tx.organisationSingleSignOn.create({
            data: { ...settings, clientSecret: clientSecret!, organisationId: organisation.id, partnershipId: organisation.partnershipId },
          });
        }
        await recordAudit(tx, ctx, {
          action: 'organisation.single_sign_on_set',
          subjectType: 'Organisation',
          subjectId: organisation.id,
          detail: {
            issuerBefore: before?.issuer ?? null, issuer: settings.issuer, clientId: settings.clientId,
            emailDomains: settings.emailDomains, passwordsDisabled: settings.passwordsDisabled, secretChanged: Boolean(clientSecret),
          },
        });
      });
      return { id: organisation.id };
    },
  }),
);
