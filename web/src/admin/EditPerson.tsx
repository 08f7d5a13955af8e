// Change a person's details: name, job title, roles (only those that fit their organisation's kind
// of agency are offered; the API checks again) and whether their account is active. A change of
// roles or a deactivation ends their sessions at once, so each is sent only when it changes.
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFound } from '../app/guards.tsx';
import { Checkboxes, ErrorSummary, Radios, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf, VariablesOf } from '../graphql.ts';
import { PersonQuery, UserUpdateMutation } from './people.graphql.ts';
import { ResetAuthenticator } from './ResetAuthenticator.tsx';
import { ROLE_LABELS, rolesFor } from './roles.ts';

type Person = NonNullable<ResultOf<typeof PersonQuery>['user']>;
type Input = VariablesOf<typeof UserUpdateMutation>['input'];
type Role = Person['roles'][number];

export function EditPerson() {
  const { userId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: PersonQuery, variables: { id: userId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="The person could not be loaded. Try again." />;
  if (!data?.user) return <NotFound what="Person" />;
  return <EditForm key={data.user.id} person={data.user} />;
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

function EditForm({ person }: { person: Person }) {
  const navigate = useNavigate();
  const [result, update] = useMutation(UserUpdateMutation);
  const form = useForm({ displayName: person.displayName, jobTitle: person.jobTitle ?? '', roles: [...person.roles] as string[], active: person.active ? 'yes' : 'no' });
  const { values, errors, set } = form;
  const offered = rolesFor(person.organisation.agencyType);
  // A role they hold that no longer fits is still shown, so it can be taken away.
  const options = [...offered, ...person.roles.filter((r) => !offered.includes(r))];

  const onSubmit = form.submit(
    (v) => errorsOf({
      displayName: required(v.displayName, 'Enter the person’s name'),
      roles: required(v.roles, 'Choose at least one role'),
    }),
    async (v) => {
      const input: Input = {
        userId: person.id, displayName: v.displayName.trim(), jobTitle: v.jobTitle.trim() || null,
        ...(sameRoles(v.roles, person.roles) ? {} : { roles: v.roles as Role[] }),
        ...((v.active === 'yes') === person.active ? {} : { active: v.active === 'yes' }),
      };
      const answer = (await update({ input })).data?.userUpdate;
      if (answer?.__typename === 'UserUpdateSuccess') navigate('/admin/people', { state: { banner: `${answer.user.displayName}’s details have been saved` } });
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ displayName: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/people">Back to people</BackLink>
        <ErrorSummary errors={errors} />
        {result.error && !result.data && <ProblemBanner message="The changes could not be saved. Try again." />}
        <Page title={`Change ${person.displayName}’s details`} hasErrors={Object.keys(errors).length > 0}>
          <SummaryList rows={[['Email address', person.email], ['Organisation', person.organisation.name]]} />
          <form onSubmit={onSubmit} noValidate>
            <TextInput name="displayName" label="Full name" value={values.displayName} onChange={(v) => set('displayName', v)} error={errors.displayName} />
            <TextInput name="jobTitle" label="Job title (optional)" value={values.jobTitle} onChange={(v) => set('jobTitle', v)} error={errors.jobTitle} />
            <Checkboxes name="roles" label="Roles"
              hint={`The roles someone at ${person.organisation.name} can have. Select all that apply. A change of roles signs them out.`}
              value={values.roles} onChange={(v) => set('roles', v)} error={errors.roles}
              options={options.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            <Radios name="active" label="Can they sign in?" hint="Deactivating an account signs the person out at once." inline
              value={values.active} onChange={(v) => set('active', v)} error={errors.active}
              options={[{ value: 'yes', label: 'Yes, the account is active' }, { value: 'no', label: 'No, deactivate the account' }]} />
            <Submit busy={form.busy}>Save changes</Submit>
          </form>
          <ResetAuthenticator person={person} />
        </Page>
      </div>
    </div>
  );
}
