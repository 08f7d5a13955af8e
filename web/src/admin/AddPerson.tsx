// Add a person: their email, name, job title, organisation and roles (only the roles that fit the
// organisation's kind of agency are offered; the API checks again). The answer is a one-time link
// for them to set their password, shown here once.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Checkboxes, ErrorSummary, Select, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { InvitationLink } from './InvitationLink.tsx';
import { OrganisationsQuery, UserCreateMutation, type Invitation } from './people.graphql.ts';
import { ROLE_LABELS, rolesFor } from './roles.ts';

type Input = VariablesOf<typeof UserCreateMutation>['input'];

export function AddPerson() {
  const [organisations] = useQuery({ query: OrganisationsQuery });
  const [result, create] = useMutation(UserCreateMutation);
  const [added, setAdded] = useState<{ name: string; invitation: Invitation } | null>(null);
  const form = useForm({ email: '', displayName: '', jobTitle: '', organisationId: '', roles: [] as string[] });
  const { values, errors, set } = form;
  const organisation = organisations.data?.organisations.find((o) => o.id === values.organisationId);

  const onSubmit = form.submit(
    (v) => errorsOf({
      email: !v.email.trim() ? 'Enter the person’s email address'
        : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) ? undefined : 'Enter an email address in the correct format, like name@example.org',
      displayName: required(v.displayName, 'Enter the person’s name'),
      organisationId: required(v.organisationId, 'Choose the person’s organisation'),
      roles: v.organisationId ? required(v.roles, 'Choose at least one role') : undefined,
    }),
    async (v) => {
      const input: Input = {
        email: v.email.trim(), displayName: v.displayName.trim(), jobTitle: v.jobTitle.trim() || null,
        organisationId: v.organisationId, roles: v.roles as Input['roles'],
      };
      const answer = (await create({ input })).data?.userCreate;
      if (answer?.__typename === 'UserCreateSuccess') {
        setAdded({ name: answer.user.displayName, invitation: answer.invitation });
        window.scrollTo(0, 0);
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ email: answer.message });
    },
  );

  if (added) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <InvitationLink heading={`${added.name} has been added`} invitation={added.invitation} />
          <Page title="Person added">
            <p className="govuk-body">Send the link to {added.name} in a way only they will see. Until they use it, they cannot sign in.</p>
            <p className="govuk-body"><Link className="govuk-link" to="/admin/people">Back to people</Link></p>
          </Page>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/people">Back to people</BackLink>
        <ErrorSummary errors={errors} />
        {result.error && !result.data && <ProblemBanner message="The person could not be added. Try again." />}
        <Page title="Add a person" hasErrors={Object.keys(errors).length > 0}>
          {organisations.fetching && !organisations.data && <Loading />}
          <form onSubmit={onSubmit} noValidate>
            <TextInput name="email" label="Email address" hint="Their work email address. They sign in with it." type="email" spellCheck={false} autoComplete="off"
              value={values.email} onChange={(v) => set('email', v)} error={errors.email} />
            <TextInput name="displayName" label="Full name" value={values.displayName} onChange={(v) => set('displayName', v)} error={errors.displayName} />
            <TextInput name="jobTitle" label="Job title (optional)" value={values.jobTitle} onChange={(v) => set('jobTitle', v)} error={errors.jobTitle} />
            <Select name="organisationId" label="Organisation" placeholder="Choose an organisation" value={values.organisationId}
              onChange={(v) => { set('organisationId', v); set('roles', []); }} error={errors.organisationId}
              options={(organisations.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            {organisation && (
              <Checkboxes name="roles" label="Roles" hint={`The roles someone at ${organisation.name} can have. Select all that apply.`}
                value={values.roles} onChange={(v) => set('roles', v)} error={errors.roles}
                options={rolesFor(organisation.agencyType).map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            )}
            <Submit busy={form.busy}>Add person</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
