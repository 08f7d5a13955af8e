// Record a decision NOT to share a record, with the reasons: who asked (or would have received
// it), what it was wanted for, and why it was not shared. Such decisions are recorded too.
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { EntryGate, SharingForm, type SharedEntry } from './EntryGate.tsx';
import { RecipientSelect } from './Recipient.tsx';
import { ShareDeclineMutation } from './sharing.graphql.ts';

function DeclineForm({ entry }: { entry: SharedEntry }) {
  const navigate = useNavigate();
  const [result, decline] = useMutation(ShareDeclineMutation);
  const form = useForm({ recipientOrganisationId: '', purpose: '', reasonNotShared: '' });
  const { values, errors, set } = form;

  const onSubmit = form.submit(
    (v) => errorsOf({
      recipientOrganisationId: required(v.recipientOrganisationId, 'Choose the organisation that asked for it'),
      purpose: required(v.purpose, 'Enter what the information was wanted for'),
      reasonNotShared: required(v.reasonNotShared, 'Enter why you decided not to share'),
    }),
    async (v) => {
      const answer = (await decline({ input: { entryId: entry.id, ...v } })).data?.shareDecline;
      if (answer?.__typename === 'ShareSuccess') navigate(`/entries/${entry.id}`, { state: { banner: 'Decision not to share recorded.' } });
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ recipientOrganisationId: answer.message });
    },
  );

  return (
    <SharingForm entry={entry} title="Record a decision not to share" errors={form.errors}
      problem={result.error && !result.data ? 'The decision could not be saved. Try again.' : null}>
      <p className="govuk-body">Nothing is shared and nobody is told. The decision and your reasons stay on the record.</p>
      <form onSubmit={onSubmit} noValidate>
        <RecipientSelect label="Who asked for it, or would have received it?" holderId={entry.organisation.id}
          value={values.recipientOrganisationId} onChange={(v) => set('recipientOrganisationId', v)} error={errors.recipientOrganisationId} />
        <Textarea name="purpose" label="What was it wanted for?" rows={3}
          value={values.purpose} onChange={(v) => set('purpose', v)} error={errors.purpose} />
        <Textarea name="reasonNotShared" label="Why did you decide not to share?"
          hint="For example, it is not relevant to the purpose, or sharing would not be proportionate."
          value={values.reasonNotShared} onChange={(v) => set('reasonNotShared', v)} error={errors.reasonNotShared} />
        <Submit busy={form.busy}>Record decision</Submit>
      </form>
    </SharingForm>
  );
}

export function DeclineShare() {
  return <EntryGate>{(entry) => <DeclineForm entry={entry} />}</EntryGate>;
}
