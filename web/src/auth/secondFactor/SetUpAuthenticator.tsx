// Enrolment at first sign-in: scan the QR code (or type the key) into an authenticator app, enter
// the code it shows, then keep the ten recovery codes, shown this once, before going on.
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../../components/form.tsx';
import { Loading, ProblemBanner, WarningText } from '../../components/govuk.tsx';
import { Page } from '../../components/Page.tsx';
import { useSession } from '../session.tsx';
import { useChallenge, withoutChallenge } from './challenge.ts';
import { SecondFactorConfirmMutation, SecondFactorEnrolMutation } from './secondFactor.graphql.ts';

/** The key as authenticator apps show it: groups of four, easier to read and type. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

export function SetUpAuthenticator() {
  const challenge = useChallenge();
  const [enrolment, enrol] = useMutation(SecondFactorEnrolMutation);
  const [confirmation, confirm] = useMutation(SecondFactorConfirmMutation);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const form = useForm({ code: '' });
  useEffect(() => {
    if (challenge) void enrol({ input: { challenge } });
  }, [challenge, enrol]);
  if (!challenge) return <Navigate to="/sign-in" replace />;
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;

  const offered = enrolment.data?.secondFactorEnrol;
  const onSubmit = form.submit(
    (v) => errorsOf({ code: required(v.code, 'Enter the 6-digit code from your authenticator app') }),
    async (v) => {
      const answer = (await confirm({ input: { challenge, code: v.code } })).data?.secondFactorConfirm;
      if (!answer) return;
      if (answer.__typename === 'SecondFactorEnrolled') setRecoveryCodes(answer.recoveryCodes);
      else if (answer.__typename === 'ValidationError') form.fail(withoutChallenge(fieldErrors(answer.fieldErrors), 'code'));
      else form.fail({ code: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {((enrolment.error && !enrolment.data) || (confirmation.error && !confirmation.data)) && (
          <ProblemBanner message="Your authenticator app could not be set up at the moment. Try again." />
        )}
        <ErrorSummary errors={form.errors} />
        <Page title="Set up an authenticator app" hasErrors={Object.keys(form.errors).length > 0}>
          <p className="govuk-body">
            Your partnership asks for a code from an authenticator app each time you sign in, because you can read children’s records.
            Use an app such as Microsoft Authenticator or Google Authenticator on your work phone.
          </p>
          {offered?.__typename === 'ValidationError' ? (
            <>
              <p className="govuk-body">{offered.fieldErrors[0]?.message}</p>
              <p className="govuk-body"><Link className="govuk-link" to="/sign-in">Sign in again</Link></p>
            </>
          ) : offered?.__typename !== 'SecondFactorEnrolment' ? (
            <Loading />
          ) : (
            <>
              <h2 className="govuk-heading-m">1. Add Wraparound to your app</h2>
              <p className="govuk-body">In the app, choose to add an account, then scan this QR code.</p>
              <img className="app-qr-code" src={offered.qrCode} width={200} height={200}
                alt="QR code for adding Wraparound to an authenticator app. If you cannot scan it, type the key shown below into the app instead." />
              <p className="govuk-body">If you cannot scan the QR code, choose to enter a key in the app, and type this key:</p>
              <p className="govuk-body"><code className="app-secret">{grouped(offered.secret)}</code></p>
              <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
              <form onSubmit={onSubmit} noValidate>
                <TextInput name="code" label="Code" hint="The 6-digit code your authenticator app shows for Wraparound now."
                  autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width={5}
                  value={form.values.code} onChange={(v) => form.set('code', v)} error={form.errors.code} />
                <Submit busy={form.busy}>Continue</Submit>
              </form>
            </>
          )}
        </Page>
      </div>
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Page title="Save your recovery codes">
          <p className="govuk-body">Your authenticator app is set up. If you lose your phone, you can sign in with one of these codes instead. Each code works once.</p>
          <WarningText>You will not see these codes again. Print them or write them down, and keep them somewhere safe away from your phone.</WarningText>
          <ul className="govuk-list app-recovery-codes">
            {codes.map((code) => <li key={code}><code>{code}</code></li>)}
          </ul>
          <button type="button" className="govuk-button" data-module="govuk-button" disabled={busy}
            onClick={() => {
              setBusy(true);
              // The session began when the code was confirmed; the app learns of it now.
              void session.refresh().then(() => navigate('/', { replace: true }));
            }}>
            I have saved these codes
          </button>
        </Page>
      </div>
    </div>
  );
}
