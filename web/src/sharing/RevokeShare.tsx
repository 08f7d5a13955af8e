// Revoke a live share: from now on the recipient no longer sees the record. The share stays on
// the record with who revoked it, when and why.
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { Submit, Textarea, errorsOf, required, useForm } from '../components/form.tsx';
import { SummaryList, WarningText } from '../components/govuk.tsx';
import { EntryGate, SharingForm, type SharedEntry } from './EntryGate.tsx';
import { lawfulBasisLabel, recipientName } from './labels.ts';
import { ShareRevokeMutation, type ShareDecision } from './sharing.graphql.ts';

function RevokeForm({ entry, share }: { entry: SharedEntry; share: ShareDecision }) {
  const navigate = useNavigate();
  const [result, revoke] = useMutation(ShareRevokeMutation);
  const form = useForm({ reason: '' });
  const recipient = recipientName(share);

  const onSubmit = form.submit(
    (v) => errorsOf({ reason: required(v.reason, 'Enter why the share is being revoked') }),
    // The form's one field takes any problem: a missing reason, or the share revoked meanwhile.
    async (v) => {
      const answer = (await revoke({ shareId: share.id, reason: v.reason })).data?.shareRevoke;
      if (answer?.__typename === 'ShareRevokeSuccess') {
        navigate(`/entries/${entry.id}`, { state: { banner: `Share with ${recipient} revoked. They can no longer see this record.` } });
      } else if (answer?.__typename === 'ValidationError') form.fail({ reason: answer.fieldErrors[0]?.message ?? answer.message });
      else if (answer) form.fail({ reason: answer.message });
    },
  );

  return (
    <SharingForm entry={entry} title={`Revoke the share with ${recipient}`} errors={form.errors}
      problem={result.error && !result.data ? 'The share could not be revoked. Try again.' : null}>
      <SummaryList rows={[
        ['Shared', `${formatDateTime(share.decidedAt)} by ${share.decidedBy.displayName}`],
        ['What was shared', share.whatShared],
        ['Lawful basis', lawfulBasisLabel(share.lawfulBasis)],
      ]} />
      <WarningText>{recipient} will no longer see this record. The share stays on the record, with your reason.</WarningText>
      <form onSubmit={onSubmit} noValidate>
        <Textarea name="reason" label="Why are you revoking the share?" rows={3}
          value={form.values.reason} onChange={(v) => form.set('reason', v)} error={form.errors.reason} />
        <Submit busy={form.busy} warning>Revoke share</Submit>
      </form>
    </SharingForm>
  );
}

export function RevokeShare() {
  const { shareId = '' } = useParams();
  return (
    <EntryGate>
      {(entry, decisions) => {
        // Only a live share can be revoked; anything else at this address is not there to revoke.
        const share = decisions.find((d) => d.id === shareId && d.live);
        return share ? <RevokeForm entry={entry} share={share} /> : <NotFound what="Share" />;
      }}
    </EntryGate>
  );
}
