// Sign-in, second step: the code the authenticator app shows now, or (after a lost phone) one of
// the recovery codes kept at enrolment.
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../../components/form.tsx';
import { ProblemBanner } from '../../components/govuk.tsx';
import { Page } from '../../components/Page.tsx';
import { useSession } from '../session.tsx';
import { useChallenge, withoutChallenge } from './challenge.ts';
import { SecondFactorVerifyMutation } from './secondFactor.graphql.ts';

export function SecondFactorCode({ recovery }: { recovery: boolean }) {
  const challenge = useChallenge();
  const session = useSession();
  const navigate = useNavigate();
  const [result, verify] = useMutation(SecondFactorVerifyMutation);
  const form = useForm({ code: '', recoveryCode: '' });
  if (!challenge) return <Navigate to="/sign-in" replace />;
  const field = recovery ? 'recoveryCode' : 'code';

  const onSubmit = form.submit(
    (v) => errorsOf(recovery
      ? { recoveryCode: required(v.recoveryCode, 'Enter one of your recovery codes') }
      : { code: required(v.code, 'Enter the 6-digit code from your authenticator app') }),
    async (v) => {
      const answer = (await verify({ input: recovery ? { challenge, recoveryCode: v.recoveryCode } : { challenge, code: v.code } })).data?.secondFactorVerify;
      if (!answer) return;
      if (answer.__typename === 'LoginSuccess') {
        await session.refresh();
        navigate('/', { replace: true });
      } else if (answer.__typename === 'ValidationError') {
        form.fail(withoutChallenge(fieldErrors(answer.fieldErrors), field));
      } else {
        form.fail({ [field]: answer.message });
      }
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result.error && !result.data && <ProblemBanner message="Sign-in is not working at the moment. Try again." />}
        <ErrorSummary errors={form.errors} />
        <Page title={recovery ? 'Enter a recovery code' : 'Enter the code from your authenticator app'} hasErrors={Object.keys(form.errors).length > 0}>
          <form onSubmit={onSubmit} noValidate>
            {recovery ? (
              <TextInput key="recoveryCode" name="recoveryCode" label="Recovery code" hint="One of the codes you saved when you set up your authenticator app, like abcde-fghjk. Each works once."
                autoComplete="off" spellCheck={false} width={10}
                value={form.values.recoveryCode} onChange={(v) => form.set('recoveryCode', v)} error={form.errors.recoveryCode} />
            ) : (
              <TextInput key="code" name="code" label="Code" hint="The 6-digit code your authenticator app shows for Wraparound now."
                autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width={5}
                value={form.values.code} onChange={(v) => form.set('code', v)} error={form.errors.code} />
            )}
            <Submit busy={form.busy}>Continue</Submit>
          </form>
          <p className="govuk-body">
            <Link className="govuk-link" to={recovery ? '/sign-in/code' : '/sign-in/recovery-code'} state={{ challenge }} replace>
              {recovery ? 'Use the code from your authenticator app instead' : 'I cannot use my authenticator app: use a recovery code'}
            </Link>
          </p>
          {recovery && <p className="govuk-body">If you have no recovery codes left, ask your partnership administrator to reset your authenticator app.</p>}
        </Page>
      </div>
    </div>
  );
}
