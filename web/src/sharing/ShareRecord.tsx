// Share a record with another organisation, on the record: what, why, the lawful basis (and, for
// sensitive records, the Article 9 condition), and whether consent was sought and if not, why not.
// Checked here and again by the API, whose field errors land on the same fields.
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import {
  DateInput, Radios, Submit, Textarea, emptyDate, errorsOf, fieldErrors, isoDate, required, useForm, type DateParts,
} from '../components/form.tsx';
import type { VariablesOf } from '../graphql.ts';
import { EntryGate, SharingForm, type SharedEntry } from './EntryGate.tsx';
import { CONDITIONS, CONSENT, LAWFUL_BASES, NOT_SOUGHT_REASONS, NO_CONDITION } from './labels.ts';
import { RecipientSelect } from './Recipient.tsx';
import { ShareCreateMutation } from './sharing.graphql.ts';

type Input = VariablesOf<typeof ShareCreateMutation>['input'];

/** A share ends at the close of the day given, in the person's own time zone. */
function endOfDay(date: DateParts): Date | null {
  const iso = isoDate(date);
  return iso ? new Date(`${iso}T23:59:59.999`) : null;
}

function expiryError(date: DateParts): string | undefined {
  if (!date.day.trim() && !date.month.trim() && !date.year.trim()) return undefined;
  const end = endOfDay(date);
  if (!end) return 'The date the share ends must be a real date, for example 31 8 2027';
  return end.getTime() <= Date.now() ? 'The date the share ends must be today or in the future' : undefined;
}

function ShareForm({ entry }: { entry: SharedEntry }) {
  const navigate = useNavigate();
  const [result, share] = useMutation(ShareCreateMutation);
  const form = useForm({
    recipientOrganisationId: '', whatShared: '', purpose: '', lawfulBasis: '', specialCategoryCondition: '',
    consentStatus: '', consentNotSoughtReason: '', consentNote: '', expiresAt: emptyDate,
  });
  const { values, errors, set } = form;

  const onSubmit = form.submit(
    (v) => errorsOf({
      recipientOrganisationId: required(v.recipientOrganisationId, 'Choose the organisation to share with'),
      whatShared: required(v.whatShared, 'Enter what is being shared'),
      purpose: required(v.purpose, 'Enter the purpose of sharing'),
      lawfulBasis: required(v.lawfulBasis, 'Select the lawful basis for sharing'),
      specialCategoryCondition: entry.sensitive
        ? required(v.specialCategoryCondition, 'Select the condition for sharing special-category information')
        : undefined,
      consentStatus: required(v.consentStatus, 'Select whether consent was given, refused or not sought'),
      consentNotSoughtReason: v.consentStatus === 'NOT_SOUGHT' ? required(v.consentNotSoughtReason, 'Select why consent was not sought') : undefined,
      consentNote: v.consentStatus === 'REFUSED' ? required(v.consentNote, 'Enter why you are sharing although consent was refused') : undefined,
      expiresAt: expiryError(v.expiresAt),
    }),
    async (v) => {
      const input: Input = {
        entryId: entry.id,
        recipientOrganisationId: v.recipientOrganisationId,
        whatShared: v.whatShared,
        purpose: v.purpose,
        lawfulBasis: v.lawfulBasis as Input['lawfulBasis'],
        specialCategoryCondition: (v.specialCategoryCondition || null) as Input['specialCategoryCondition'],
        consentStatus: v.consentStatus as Input['consentStatus'],
        consentNotSoughtReason: v.consentStatus === 'NOT_SOUGHT' ? (v.consentNotSoughtReason as Input['consentNotSoughtReason']) : null,
        consentNote: v.consentStatus === 'REFUSED' ? v.consentNote : null,
        expiresAt: endOfDay(v.expiresAt)?.toISOString() ?? null,
      };
      const answer = (await share({ input })).data?.shareCreate;
      if (answer?.__typename === 'ShareSuccess') {
        const name = answer.share.recipientOrganisation?.name ?? answer.share.recipientUser?.displayName;
        navigate(`/entries/${entry.id}`, { state: { banner: `Record shared with ${name}. They have been told there is a record for them to see.` } });
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ recipientOrganisationId: answer.message });
    },
  );

  return (
    <SharingForm entry={entry} title="Share this record" errors={form.errors}
      problem={result.error && !result.data ? 'The share could not be saved. Try again.' : null}>
      <form onSubmit={onSubmit} noValidate>
        <RecipientSelect label="Who are you sharing it with?" hint="Its safeguarding leads and record holders will see this record and be told about it."
          holderId={entry.organisation.id} value={values.recipientOrganisationId} onChange={(v) => set('recipientOrganisationId', v)}
          error={errors.recipientOrganisationId} />
        <Textarea name="whatShared" label="What are you sharing?" hint="Only what is necessary and proportionate for the purpose." rows={3}
          value={values.whatShared} onChange={(v) => set('whatShared', v)} error={errors.whatShared} />
        <Textarea name="purpose" label="Why are you sharing it?" hint="What the recipient needs it for, for example to keep the child safe at school." rows={3}
          value={values.purpose} onChange={(v) => set('purpose', v)} error={errors.purpose} />
        <Radios name="lawfulBasis" label="Lawful basis for sharing (UK GDPR Article 6)"
          hint="Data protection law does not stop you sharing to keep a child safe. Public bodies usually share as a public task."
          value={values.lawfulBasis} onChange={(v) => set('lawfulBasis', v)} error={errors.lawfulBasis} options={LAWFUL_BASES} />
        <Radios name="specialCategoryCondition"
          label={entry.sensitive ? 'Condition for sharing special-category information (UK GDPR Article 9)' : 'Condition for sharing special-category information (UK GDPR Article 9), if it applies'}
          hint={entry.sensitive
            ? 'This record is marked sensitive. Health, police-sensitive and other special-category information needs a condition as well as a lawful basis.'
            : 'Needed if what you share includes health, sexual life, ethnicity, religion or other special-category information.'}
          value={values.specialCategoryCondition} onChange={(v) => set('specialCategoryCondition', v)} error={errors.specialCategoryCondition}
          options={entry.sensitive ? CONDITIONS : [...CONDITIONS, NO_CONDITION]} />
        <Radios name="consentStatus" label="Consent" hint="You do not need consent when you have a lawful basis, but record whether it was sought."
          value={values.consentStatus} onChange={(v) => set('consentStatus', v)} error={errors.consentStatus} options={CONSENT}
          conditional={{
            REFUSED: (
              <Textarea name="consentNote" label="Why are you sharing although consent was refused?" rows={3}
                value={values.consentNote} onChange={(v) => set('consentNote', v)} error={errors.consentNote} />
            ),
            NOT_SOUGHT: (
              <Radios name="consentNotSoughtReason" label="Why was consent not sought?" value={values.consentNotSoughtReason}
                onChange={(v) => set('consentNotSoughtReason', v)} error={errors.consentNotSoughtReason} options={NOT_SOUGHT_REASONS} />
            ),
          }} />
        <DateInput name="expiresAt" label="When should the share end? (optional)"
          hint="The recipient can see the record until the end of that day. For example, 31 8 2027. Leave it blank for a share that lasts until it is revoked."
          value={values.expiresAt} onChange={(v) => set('expiresAt', v)} error={errors.expiresAt} />
        <Submit busy={form.busy}>Share record</Submit>
      </form>
    </SharingForm>
  );
}

export function ShareRecord() {
  return <EntryGate>{(entry) => <ShareForm entry={entry} />}</EntryGate>;
}
