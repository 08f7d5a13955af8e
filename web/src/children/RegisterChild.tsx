// Register a child the partnership does not know yet. The API looks for the same child first: an
// NHS number or UPN already recorded cannot be registered again (find them in the child index
// instead); a similar name with the same date of birth is shown, and registered only once the
// person confirms it is a different child.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDate } from '../app/format.ts';
import {
  Checkboxes, DateInput, ErrorSummary, Radios, Select, Submit, TextInput, emptyDate, errorsOf, fieldErrors, isoDate, required, useForm,
} from '../components/form.tsx';
import { BackLink, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { ChildRegisterMutation, SchoolsQuery } from './children.graphql.ts';

type Duplicate = Extract<ResultOf<typeof ChildRegisterMutation>['childRegister'], { __typename: 'PossibleDuplicateError' }>;

const GENDERS = [
  { value: 'FEMALE', label: 'Female' }, { value: 'MALE', label: 'Male' }, { value: 'OTHER', label: 'Other' }, { value: 'NOT_KNOWN', label: 'Not known' },
];

export function RegisterChild() {
  const navigate = useNavigate();
  const [{ data: schools }] = useQuery({ query: SchoolsQuery });
  const [, register] = useMutation(ChildRegisterMutation);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    givenName: '', familyName: '', dateOfBirth: emptyDate, gender: 'NOT_KNOWN', nhsNumber: '', upn: '', schoolId: '', different: [] as string[],
  });
  const { values, errors, set } = form;

  const onSubmit = form.submit(
    (v) => errorsOf({
      givenName: required(v.givenName, 'Enter the child’s first name'),
      familyName: required(v.familyName, 'Enter the child’s last name'),
      dateOfBirth: isoDate(v.dateOfBirth) ? undefined : 'Enter the child’s date of birth, for example 27 3 2016',
    }),
    async (v) => {
      setProblem(null);
      const answer = (await register({
        input: {
          givenName: v.givenName.trim(), familyName: v.familyName.trim(), dateOfBirth: isoDate(v.dateOfBirth)!, gender: v.gender as 'NOT_KNOWN',
          ...(v.nhsNumber.trim() ? { nhsNumber: v.nhsNumber.trim() } : {}), ...(v.upn.trim() ? { upn: v.upn.trim() } : {}),
          ...(v.schoolId ? { schoolId: v.schoolId } : {}), confirmNotDuplicate: v.different.includes('yes'),
        },
      })).data?.childRegister;
      if (answer?.__typename === 'ChildRegisterSuccess') navigate(`/children/${answer.child.id}`);
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer?.__typename === 'PossibleDuplicateError') {
        setDuplicate(answer);
        form.fail({ [answer.identifierMatch ? 'nhsNumber' : 'different']: answer.message });
      } else setProblem(answer?.message ?? 'The child could not be registered. Try again.');
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/children">Find a child</BackLink>
        {problem && <ProblemBanner message={problem} />}
        <ErrorSummary errors={errors} />
        <Page title="Register a child" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">Only for a child the partnership does not know yet. Search first: <Link className="govuk-link" to="/children">find a child</Link>.</p>
          {duplicate && duplicate.matches.length + duplicate.hiddenMatches > 0 && (
            <div className="govuk-inset-text" role="status">
              <p className="govuk-body">Already recorded:</p>
              <ul className="govuk-list govuk-list--bullet">
                {duplicate.matches.map(({ child }) => (
                  <li key={child.id}><Link className="govuk-link" to={`/children/${child.id}`}>{child.givenName} {child.familyName}</Link>, born {formatDate(child.dateOfBirth)}</li>
                ))}
                {duplicate.hiddenMatches > 0 && <li>{duplicate.hiddenMatches === 1 ? '1 record' : `${duplicate.hiddenMatches} records`} you cannot see</li>}
              </ul>
            </div>
          )}
          <form onSubmit={onSubmit} noValidate>
            <TextInput name="givenName" label="First name" value={values.givenName} onChange={(v) => set('givenName', v)} error={errors.givenName} spellCheck={false} />
            <TextInput name="familyName" label="Last name" value={values.familyName} onChange={(v) => set('familyName', v)} error={errors.familyName} spellCheck={false} />
            <DateInput name="dateOfBirth" label="Date of birth" hint="For example, 27 3 2016" value={values.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={errors.dateOfBirth} />
            <Radios name="gender" label="Gender" value={values.gender} onChange={(v) => set('gender', v)} options={GENDERS} error={errors.gender} inline />
            <TextInput name="nhsNumber" label="NHS number (optional)" hint="10 digits, for example 943 476 5919" width={10} inputMode="numeric"
              value={values.nhsNumber} onChange={(v) => set('nhsNumber', v)} error={errors.nhsNumber} />
            <TextInput name="upn" label="UPN (optional)" hint="13 characters, for example B801200005001" width={20} spellCheck={false}
              value={values.upn} onChange={(v) => set('upn', v)} error={errors.upn} />
            <Select name="schoolId" label="School (optional)" placeholder="Not known or none" value={values.schoolId}
              options={(schools?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))} onChange={(v) => set('schoolId', v)} error={errors.schoolId} />
            {duplicate && !duplicate.identifierMatch && (
              <Checkboxes name="different" label="Is this a different child?" options={[{ value: 'yes', label: 'Yes, this is a different child from those already recorded' }]}
                value={values.different} onChange={(v) => set('different', v)} error={errors.different} />
            )}
            <Submit busy={form.busy}>Register child</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
