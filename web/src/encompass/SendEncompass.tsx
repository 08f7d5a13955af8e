// The police tell a child's school about a domestic-abuse incident (Operation Encompass): when and
// where, their reference, whether the child was there, the child's voice and brief circumstances.
// The school's DSLs must have it before the next school day; the page confirms when that is.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import {
  DateInput, ErrorSummary, Radios, Submit, TextInput, Textarea, emptyDate, errorsOf, fieldErrors, instant, isoDate, pastMomentErrors, required, useForm,
} from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { EncompassFormQuery, EncompassNotifyMutation } from './encompass.graphql.ts';

type Sent = Extract<ResultOf<typeof EncompassNotifyMutation>['encompassNotify'], { __typename: 'EncompassNotifySuccess' }>['notification'];

function Confirmation({ sent, childId }: { sent: Sent; childId: string }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title" tabIndex={-1} ref={(h) => h?.focus()}>Notification sent</h1>
        <div className="govuk-panel__body">
          {sent.school.name} has been told. Reference <strong>{sent.reference}</strong>
          <br />Needed by {formatDateTime(sent.dueBy)}
        </div>
      </div>
      <p className="govuk-body"><Link className="govuk-link" to={`/children/${childId}`}>Back to the child’s record</Link></p>
    </>
  );
}

export function SendEncompass() {
  const { childId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: EncompassFormQuery, variables: { childId } });
  const [, notify] = useMutation(EncompassNotifyMutation);
  const [sent, setSent] = useState<Sent | null>(null);
  const form = useForm({
    incidentAt: emptyDate, incidentAtTime: '', location: '', policeReference: '', childPresent: '', childsVoice: '', circumstances: '',
  });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This page could not be loaded. Try again." />;
  if (!data?.child) return <NotFound what="Child" />;
  const child = data.child;

  const onSubmit = form.submit(
    (v) => ({
      ...pastMomentErrors('incidentAt', v.incidentAt, v.incidentAtTime, 'the incident happened'),
      ...errorsOf({
        location: required(v.location, 'Enter where the incident happened'),
        policeReference: required(v.policeReference, 'Enter the police reference'),
        childPresent: required(v.childPresent, 'Select yes if the child was present'),
        circumstances: required(v.circumstances, 'Enter the brief circumstances'),
      }),
    }),
    async (v) => {
      const answer = (await notify({
        input: {
          childId, incidentAt: instant(isoDate(v.incidentAt), v.incidentAtTime)!.toISOString(), location: v.location, policeReference: v.policeReference,
          childPresent: v.childPresent === 'yes', childsVoice: v.childsVoice.trim() || null, circumstances: v.circumstances,
        },
      })).data?.encompassNotify;
      if (answer?.__typename === 'EncompassNotifySuccess') setSent(answer.notification);
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ location: answer.message });
    },
  );

  if (sent) return <Confirmation sent={sent} childId={childId} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>
        <ErrorSummary errors={errors} />
        <Page title="Send an Operation Encompass notification" caption={`${child.givenName} ${child.familyName}`} hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            {child.school ? `This goes to the designated safeguarding leads at ${child.school.name}. ` : 'No school is recorded for this child. '}
            They must have it before the start of the next school day.
          </p>
          <form onSubmit={onSubmit} noValidate>
            <DateInput name="incidentAt" label="Date of the incident" hint="For example, 27 3 2026" value={values.incidentAt}
              onChange={(v) => set('incidentAt', v)} error={errors.incidentAt} />
            <TextInput name="incidentAtTime" label="Time of the incident" hint="Use the 24-hour clock, for example 22:15" width={5}
              value={values.incidentAtTime} onChange={(v) => set('incidentAtTime', v)} error={errors.incidentAtTime} />
            <TextInput name="location" label="Where it happened" value={values.location} onChange={(v) => set('location', v)} error={errors.location} />
            <TextInput name="policeReference" label="Police reference" hint="The incident or occurrence number" width={20} spellCheck={false}
              value={values.policeReference} onChange={(v) => set('policeReference', v)} error={errors.policeReference} />
            <Radios name="childPresent" label="Was the child present?" inline value={values.childPresent}
              onChange={(v) => set('childPresent', v)} error={errors.childPresent}
              options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
            <Textarea name="childsVoice" label="The child’s voice (optional)" hint="What the child said, or how they seemed." rows={3}
              value={values.childsVoice} onChange={(v) => set('childsVoice', v)} error={errors.childsVoice} />
            <Textarea name="circumstances" label="Brief circumstances" hint="What the school needs to support the child. The school must not contact the parents about it."
              value={values.circumstances} onChange={(v) => set('circumstances', v)} error={errors.circumstances} />
            <Submit busy={form.busy}>Send notification</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
