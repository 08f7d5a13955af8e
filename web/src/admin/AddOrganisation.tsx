// Add an organisation: its kind of agency (fixed from then on: people's roles depend on it), its
// name, its code and whether it is a lead partner. The API checks the code's shape and that the
// name and a school's URN are not already taken; its answers appear beside the fields.
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { AGENCY_LABELS } from '../app/format.ts';
import { ErrorSummary, Radios, Submit, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { OrganisationFields } from './organisationFields.tsx';
import { CODES, LEAD_PARTNER_TYPES, OrganisationCreateMutation, type AgencyType } from './organisations.graphql.ts';

const TYPES = Object.keys(CODES) as AgencyType[];

export function AddOrganisation() {
  const navigate = useNavigate();
  const [result, create] = useMutation(OrganisationCreateMutation);
  const form = useForm({ agencyType: '', name: '', externalCode: '', leadPartner: false });
  const { values, errors, set } = form;
  const agencyType = TYPES.find((t) => t === values.agencyType) ?? null;

  const onSubmit = form.submit(
    (v) => errorsOf({
      agencyType: required(v.agencyType, 'Choose the kind of organisation'),
      name: required(v.name, 'Enter the organisation’s name'),
      externalCode: agencyType && CODES[agencyType].required ? required(v.externalCode, 'Enter the school’s URN, 6 digits like 117342') : undefined,
    }),
    async (v) => {
      const answer = (await create({
        input: {
          agencyType, name: v.name.trim(), externalCode: v.externalCode.trim() || null,
          leadPartner: agencyType !== null && LEAD_PARTNER_TYPES.includes(agencyType) && v.leadPartner,
        },
      })).data?.organisationCreate;
      if (answer?.__typename === 'OrganisationCreateSuccess') navigate('/admin/organisations', { state: { banner: `${answer.organisation.name} has been added` } });
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ name: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/organisations">Back to organisations</BackLink>
        <ErrorSummary errors={errors} />
        {result.error && !result.data && <ProblemBanner message="The organisation could not be added. Try again." />}
        <Page title="Add an organisation" hasErrors={Object.keys(errors).length > 0}>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="agencyType" label="What kind of organisation is it?" hint="This cannot be changed later." value={values.agencyType}
              onChange={(v) => set('agencyType', v)} error={errors.agencyType}
              options={TYPES.map((t) => ({ value: t, label: AGENCY_LABELS[t]! }))} />
            <OrganisationFields agencyType={agencyType} values={values} errors={errors} set={set} />
            <Submit busy={form.busy}>Add organisation</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
