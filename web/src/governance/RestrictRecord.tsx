// Restrict one entry (its organisation's record readers) or the child's whole record (the IG lead,
// social care's team managers and heads of service) to named people, with the reason. The people
// are found by name; the person restricting is always one of them.
import { useState, type KeyboardEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { formatDate } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import {
  Checkboxes, ErrorSummary, Radios, Select, Submit, TextInput, Textarea, errorsOf, fieldErrors, required, useForm,
} from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { RestrictFormQuery, RestrictionCreateMutation, RestrictionPeopleQuery } from './governance.graphql.ts';

type Person = ResultOf<typeof RestrictionPeopleQuery>['restrictionPeople']['edges'][number]['node'];

/** Find people by name and tick those to name; the ticked stay listed while searching again. */
function MemberPicker({ chosen, onChange, error }: { chosen: Person[]; onChange(people: Person[]): void; error?: string | undefined }) {
  const client = useClient();
  const viewer = useViewer();
  const [name, setName] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [matching, setMatching] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const find = async () => {
    if (name.trim().length < 2) {
      setProblem('Enter at least 2 letters of the person’s name');
      return;
    }
    setProblem(undefined);
    const result = await client.query(RestrictionPeopleQuery, { name: name.trim() }).toPromise();
    const people = result.data?.restrictionPeople;
    setMatching(people?.totalCount ?? 0);
    setFound((people?.edges ?? []).map((e) => e.node).filter((p) => p.id !== viewer.id));
  };
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).id === 'memberSearch') {
      event.preventDefault();
      void find();
    }
  };
  const listed = [...chosen, ...(found ?? []).filter((p) => !chosen.some((c) => c.id === p.id))];
  return (
    <div className="govuk-form-group" onKeyDown={onEnter}>
      <h2 className="govuk-heading-s">Who may still see it</h2>
      <p className="govuk-body">You are always included. People named still need a role that lets them see the record.</p>
      <TextInput name="memberSearch" label="Find a person by name" hint="At least 2 letters" width={20} spellCheck={false}
        value={name} onChange={setName} error={problem} />
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => void find()}>
        Find people
      </button>
      {found && (
        <p className="govuk-body" role="status">
          {found.length === 0
            ? 'Nobody found with that name.'
            : matching > found.length + 1
              ? `Showing ${found.length} of ${matching} people with that name: type more of the name to find the one you want.`
              : `${found.length === 1 ? '1 person' : `${found.length} people`} found.`}
        </p>
      )}
      {listed.length > 0 && (
        <Checkboxes name="memberUserIds" label="People to name" error={error}
          value={chosen.map((p) => p.id)}
          onChange={(ids) => onChange(listed.filter((p) => ids.includes(p.id)))}
          options={listed.map((p) => ({ value: p.id, label: p.displayName, hint: [p.jobTitle, p.organisation.name].filter(Boolean).join(', ') }))} />
      )}
    </div>
  );
}

export function RestrictRecord() {
  const { childId = '' } = useParams();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: RestrictFormQuery, variables: { childId } });
  const [, restrict] = useMutation(RestrictionCreateMutation);
  const form = useForm({ scope: '', entryId: '', reason: '', members: [] as Person[] });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This page could not be loaded. Try again." />;
  const child = data?.child ?? data?.childIdentity;
  if (!child) return <NotFound what="Child" />;
  // Entries the viewer's organisation holds: the ones its record readers may restrict.
  const ownEntries = can.restrictEntries(viewer)
    ? (data?.chronology?.edges ?? []).map((e) => e.node).filter((e) => e.organisation.id === viewer.organisation.id)
    : [];
  const scopes = [
    ...(ownEntries.length ? [{ value: 'ENTRY', label: 'One entry', hint: 'An entry your organisation holds' }] : []),
    ...(can.restrictWholeRecord(viewer) ? [{ value: 'CHILD', label: 'The child’s whole record', hint: 'The child and every entry about them' }] : []),
  ];
  const back = <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>;
  if (scopes.length === 0) {
    return (
      <>
        {back}
        <Page title="Restrict a record" caption={`${child.givenName} ${child.familyName}`}>
          <p className="govuk-body">Your organisation holds no entries about this child, so there is nothing here you can restrict.</p>
        </Page>
      </>
    );
  }

  const onSubmit = form.submit(
    (v) => errorsOf({
      scope: required(v.scope, 'Select what you want to restrict'),
      entryId: v.scope === 'ENTRY' ? required(v.entryId, 'Select the entry to restrict') : undefined,
      reason: required(v.reason, 'Give the reason for the restriction'),
    }),
    async (v) => {
      const target = v.scope === 'ENTRY' ? { entryId: v.entryId } : { childId };
      const answer = (await restrict({ input: { ...target, reason: v.reason, memberUserIds: v.members.map((m) => m.id) } })).data?.restrictionCreate;
      if (answer?.__typename === 'RestrictionCreateSuccess') {
        const names = v.members.length ? ` and ${v.members.map((m) => m.displayName).join(', ')}` : '';
        navigate(`/children/${childId}`, { state: { banner: `Restricted: only you${names} can see ${v.scope === 'ENTRY' ? 'the entry' : 'the record'} now` } });
      } else if (answer?.__typename === 'ValidationError') {
        // "Choose either a child's whole record or one entry" is about the choice of scope.
        form.fail(fieldErrors(answer.fieldErrors.map((e) => (e.field === 'childId' ? { ...e, field: 'scope' } : e))));
      } else if (answer) form.fail({ scope: answer.message });
      else form.fail({ scope: 'The restriction could not be saved. Try again.' });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ErrorSummary errors={errors} />
        <Page title="Restrict a record" caption={`${child.givenName} ${child.familyName}`} hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">A restricted record is shown only to the people you name. Use it for, say, a relative of a member of staff or police-sensitive information.</p>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="scope" label="What do you want to restrict?" value={values.scope} onChange={(v) => set('scope', v)} error={errors.scope}
              options={scopes}
              conditional={{
                ENTRY: <Select name="entryId" label="Entry" placeholder="Choose an entry" value={values.entryId} onChange={(v) => set('entryId', v)} error={errors.entryId}
                  options={ownEntries.map((e) => ({ value: e.id, label: `${formatDate(e.occurredAt)}: ${e.summary}` }))} />,
              }} />
            <Textarea name="reason" label="Why are you restricting it?" hint="Kept with the restriction and in the audit trail. The people you name can read it."
              value={values.reason} onChange={(v) => set('reason', v)} error={errors.reason} rows={3} />
            <MemberPicker chosen={values.members} onChange={(people) => set('members', people)} error={errors.memberUserIds} />
            <Submit busy={form.busy}>Restrict</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
