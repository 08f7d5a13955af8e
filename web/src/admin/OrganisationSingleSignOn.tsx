// Connect an organisation to its own identity provider (a police force's, an NHS trust's), change
// the connection, or remove it. The client secret is never shown: left blank, the stored one stays.
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFound } from '../app/guards.tsx';
import { Checkboxes, ErrorSummary, Submit, TextInput, Textarea, errorsOf, required, useForm, type Errors } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import {
  OrganisationSingleSignOnQuery, OrganisationSingleSignOnRemoveMutation, OrganisationSingleSignOnSetMutation, type SingleSignOnOrganisation,
} from './singleSignOn.graphql.ts';

export function OrganisationSingleSignOn() {
  const { organisationId } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: OrganisationSingleSignOnQuery });
  const organisation = data?.organisations.find((o) => o.id === organisationId);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="The organisation could not be loaded. Try again." />;
  if (!organisation) return <NotFound what="Organisation" />;
  return <SingleSignOnForm key={organisation.id} organisation={organisation} />;
}

/** The API's field errors by input field: each email domain's problem goes to the one box. */
function byInputField(list: ReadonlyArray<{ path: readonly string[]; message: string }>): Errors {
  const errors: Errors = {};
  for (const { path, message } of list) errors[path[1] ?? ''] ??= message;
  return errors;
}

function SingleSignOnForm({ organisation }: { organisation: SingleSignOnOrganisation }) {
  const navigate = useNavigate();
  const [saved, save] = useMutation(OrganisationSingleSignOnSetMutation);
  const [removed, remove] = useMutation(OrganisationSingleSignOnRemoveMutation);
  const current = organisation.singleSignOn;
  const form = useForm({
    issuer: current?.issuer ?? '',
    clientId: current?.clientId ?? '',
    clientSecret: '',
    emailDomains: current?.emailDomains.join('\n') ?? '',
    passwordsDisabled: current?.passwordsDisabled ?? false,
  });
  const { values, errors, set } = form;
  const back = (banner: string) => navigate('/admin/organisations', { state: { banner } });

  const onSave = form.submit(
    (v) => errorsOf({
      issuer: required(v.issuer, 'Enter the issuer address of your identity provider'),
      clientId: required(v.clientId, 'Enter the client id the identity provider gave Wraparound'),
      clientSecret: current ? undefined : required(v.clientSecret, 'Enter the client secret the identity provider gave Wraparound'),
    }),
    async (v) => {
      const answer = (await save({
        input: {
          organisationId: organisation.id, issuer: v.issuer.trim(), clientId: v.clientId.trim(), clientSecret: v.clientSecret.trim() || null,
          emailDomains: v.emailDomains.split(/[\s,]+/).filter(Boolean), passwordsDisabled: v.passwordsDisabled,
        },
      })).data?.organisationSingleSignOnSet;
      if (answer?.__typename === 'OrganisationSingleSignOnSetSuccess') back(`Single sign-on for ${answer.organisation.name} has been saved`);
      else if (answer?.__typename === 'ValidationError') form.fail(byInputField(answer.fieldErrors));
      else if (answer) form.fail({ issuer: answer.message });
    },
  );
  const onRemove = form.submit(() => ({}), async () => {
    const answer = (await remove({ input: { organisationId: organisation.id } })).data?.organisationSingleSignOnRemove;
    if (answer?.__typename === 'OrganisationSingleSignOnRemoveSuccess') back(`Single sign-on for ${answer.organisation.name} has been removed`);
    else if (answer) form.fail({ issuer: answer.message });
  });
  const failed = (saved.error && !saved.data) || (removed.error && !removed.data);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/organisations/${organisation.id}`}>Back to {organisation.name}</BackLink>
        <ErrorSummary errors={errors} />
        {failed && <ProblemBanner message="Single sign-on could not be saved. Try again." />}
        <Page title={`Single sign-on for ${organisation.name}`} hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            People at {organisation.name} can sign in with their work account at the organisation’s own identity provider (OpenID Connect).
            Register Wraparound there with the redirect address <code>{`${window.location.origin}/auth/sso/callback`}</code>.
          </p>
          {current && (
            <p className="govuk-body">
              Link for the organisation’s intranet: <code>{`${window.location.origin}${current.signInPath}`}</code>
            </p>
          )}
          <form onSubmit={onSave} noValidate aria-label="Identity provider">
            <TextInput name="issuer" label="Issuer address" hint="For example https://login.example.police.uk" spellCheck={false}
              value={values.issuer} onChange={(v) => set('issuer', v)} error={errors.issuer} />
            <TextInput name="clientId" label="Client id" spellCheck={false} value={values.clientId} onChange={(v) => set('clientId', v)} error={errors.clientId} />
            <TextInput name="clientSecret" label="Client secret" type="password" autoComplete="off"
              hint={current ? 'Leave blank to keep the secret already saved. It is never shown.' : 'It is never shown again once saved.'}
              value={values.clientSecret} onChange={(v) => set('clientSecret', v)} error={errors.clientSecret} />
            <Textarea name="emailDomains" label="Email domains (optional)" rows={3}
              hint="One a line, for example northmoor.police.uk. People who enter an address at one of these on the sign-in page are sent to this provider. Leave out domains other organisations share, like nhs.net."
              value={values.emailDomains} onChange={(v) => set('emailDomains', v)} error={errors.emailDomains} />
            <Checkboxes name="passwordsDisabled" label="Passwords"
              value={values.passwordsDisabled ? ['yes'] : []} onChange={(v) => set('passwordsDisabled', v.includes('yes'))} error={errors.passwordsDisabled}
              options={[{ value: 'yes', label: 'People here sign in only with their organisation’s account, never with a password' }]} />
            <Submit busy={form.busy}>Save single sign-on</Submit>
          </form>
          {current && (
            <form onSubmit={onRemove} noValidate aria-labelledby="remove-title" className="govuk-!-margin-top-6">
              <h2 className="govuk-heading-m" id="remove-title">Remove single sign-on</h2>
              <p className="govuk-body">People here will sign in with their Wraparound passwords again.</p>
              <Submit busy={form.busy} warning>Remove single sign-on</Submit>
            </form>
          )}
        </Page>
      </div>
    </div>
  );
}
