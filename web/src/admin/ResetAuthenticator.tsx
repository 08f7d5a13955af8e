// On a person's page: whether they have set up an authenticator app, and the administrator's
// reset for a lost or replaced phone (the person is signed out, told by email, and sets up an
// app again at their next sign-in).
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Submit, useForm } from '../components/form.tsx';
import { ProblemBanner } from '../components/govuk.tsx';
import { UserSecondFactorResetMutation } from './secondFactor.graphql.ts';

export function ResetAuthenticator({ person }: { person: { id: string; displayName: string; secondFactorEnrolled: boolean | null } }) {
  const navigate = useNavigate();
  const [result, reset] = useMutation(UserSecondFactorResetMutation);
  const form = useForm({});
  const onSubmit = form.submit(
    () => ({}),
    async () => {
      const answer = (await reset({ input: { userId: person.id } })).data?.userSecondFactorReset;
      if (answer?.__typename === 'UserSecondFactorResetSuccess') {
        navigate('/admin/people', { state: { banner: `${person.displayName}’s authenticator app has been reset. They will set one up when they next sign in.` } });
      } else if (answer) form.fail({ reset: answer.__typename === 'ValidationError' ? answer.fieldErrors[0]!.message : answer.message });
    },
  );
  return (
    <>
      <h2 className="govuk-heading-m">Authenticator app</h2>
      {result.error && !result.data && <ProblemBanner message="The authenticator app could not be reset. Try again." />}
      {form.errors.reset && <p className="govuk-error-message" role="alert">{form.errors.reset}</p>}
      {person.secondFactorEnrolled ? (
        <form onSubmit={onSubmit} noValidate>
          <p className="govuk-body">{person.displayName} has set up an authenticator app. If they have lost their phone or have a new one, reset it:
            they are signed out, told by email, and set up an app again when they next sign in.</p>
          <Submit busy={form.busy} warning>Reset their authenticator app</Submit>
        </form>
      ) : (
        <p className="govuk-body">{person.displayName} has not set up an authenticator app.</p>
      )}
    </>
  );
}
