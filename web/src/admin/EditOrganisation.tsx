// Change an organisation: its name, code and lead-partner flag; or deactivate it (the API refuses
// while people there still have active accounts, and says so) or reactivate it. Its kind of agency
// is shown, not changed.
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AGENCY_LABELS } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { ErrorSummary, Submit, errorsOf, fieldErrors, required, useForm, type Form } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { OrganisationFields, type OrganisationValues } from './organisationFields.tsx';
import { AdminOrganisationsQuery, CODES, LEAD_PARTNER_TYPES, OrganisationUpdateMutation, type AdminOrganisation } from './organisations.graphql.ts';

type Input = VariablesOf<typeof OrganisationUpdateMutation>['input'];

export function EditOrganisation() {
  const { organisationId } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: AdminOrganisationsQuery });
  const organisation = data?.organisations.find((o) => o.id === organisationId);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="The organisation could not be loaded. Try again." />;
  if (!organisation) return <NotFound what="Organisation" />;
  return <EditForm key={organisation.id} organisation={organisation} />;
}

function EditForm({ organisation }: { organisation: AdminOrganisation }) {
  const navigate = useNavigate();
  const [result, update] = useMutation(OrganisationUpdateMutation);
  const form: Form<OrganisationValues> = useForm({ name: organisation.name, externalCode: organisation.externalCode ?? '', leadPartner: organisation.leadPartner });
  const { values, errors, set } = form;
  const type = organisation.agencyType;

  const send = async (input: Omit<Input, 'organisationId'>, done: (name: string) => string) => {
    const answer = (await update({ input: { organisationId: organisation.id, ...input } })).data?.organisationUpdate;
    if (answer?.__typename === 'OrganisationUpdateSuccess') navigate('/admin/organisations', { state: { banner: done(answer.organisation.name) } });
    else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
    else if (answer) form.fail({ name: answer.message });
  };

  const onSave = form.submit(
    (v) => errorsOf({
      name: required(v.name, 'Enter the organisation’s name'),
      externalCode: CODES[type].required ? required(v.externalCode, 'Enter the school’s URN, 6 digits like 117342') : undefined,
    }),
    (v) => send({
      name: v.name.trim(), externalCode: v.externalCode.trim() || null, ...(LEAD_PARTNER_TYPES.includes(type) ? { leadPartner: v.leadPartner } : {}),
    }, (name) => `${name} has been saved`),
  );
  const onActive = form.submit(() => ({}), () => send({ active: !organisation.active }, (name) => (organisation.active ? `${name} has been deactivated` : `${name} has been reactivated`)));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/organisations">Back to organisations</BackLink>
        <ErrorSummary errors={errors} />
        {result.error && !result.data && <ProblemBanner message="The organisation could not be saved. Try again." />}
        <Page title={`Change ${organisation.name}`} hasErrors={Object.keys(errors).length > 0}>
          <SummaryList rows={[
            ['Kind of organisation', AGENCY_LABELS[type]],
            ['People with an active account', String(organisation.activePeople ?? 0)],
            ['Status', organisation.active ? 'Active' : 'Deactivated'],
          ]} />
          <form onSubmit={onSave} noValidate aria-label="Details">
            <OrganisationFields agencyType={type} values={values} errors={errors} set={set} />
            <Submit busy={form.busy}>Save changes</Submit>
          </form>
          <h2 className="govuk-heading-m govuk-!-margin-top-6">Single sign-on</h2>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/admin/organisations/${organisation.id}/single-sign-on`}>Sign-in with {organisation.name}’s own accounts</Link>
          </p>
          <form onSubmit={onActive} noValidate aria-labelledby="status-title" className="govuk-!-margin-top-6">
            <h2 className="govuk-heading-m" id="status-title">{organisation.active ? 'Deactivate this organisation' : 'Reactivate this organisation'}</h2>
            <p className="govuk-body">
              {organisation.active
                ? 'A deactivated organisation is no longer offered to choose from: nobody can ask it, tell it or add people to it. What it has recorded stays. Deactivate the people there first.'
                : 'It will be offered to choose from again.'}
            </p>
            {organisation.active && (organisation.activePeople ?? 0) > 0 && (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/admin/people?${new URLSearchParams({ organisation: organisation.id })}`}>See the people at {organisation.name}</Link>
              </p>
            )}
            {errors.active && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errors.active}</p>}
            <button id="active" type="submit" className={`govuk-button ${organisation.active ? 'govuk-button--warning' : 'govuk-button--secondary'}`} disabled={form.busy}>
              {organisation.active ? 'Deactivate' : 'Reactivate'} {organisation.name}
            </button>
          </form>
        </Page>
      </div>
    </div>
  );
}
