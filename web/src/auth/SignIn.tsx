// Sign in with email and password; the API sets an HTTP-only session cookie, or asks for a code
// from an authenticator app first (secondFactor/). A person sent here
// because their session ended sees why in a notification banner.
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { NotificationBanner, ProblemBanner } from '../components/govuk.tsx';
import { ErrorSummary, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { Page } from '../components/Page.tsx';
import { SignInMutation } from './session.graphql.ts';
import { useSession } from './session.tsx';
import { SignInWithOrganisation, useOrganisationSignIn } from './SignInWithOrganisation.tsx';

export function SignIn() {
  const session = useSession();
  const navigate = useNavigate();
  const [result, signIn] = useMutation(SignInMutation);
  const [params] = useSearchParams();
  // Prefilled when the person has just set their password.
  const form = useForm({ email: params.get('email') ?? '', password: '' });
  const organisation = useOrganisationSignIn();
  if (session.state.status === 'signedIn') return <Navigate to="/" replace />;
  const notice = session.state.status === 'signedOut' ? session.state.notice : null;

  const onSubmit = form.submit(
    (v) => errorsOf({
      email: required(v.email, 'Enter your email address'),
      password: required(v.password, 'Enter your password'),
    }),
    async (v) => {
      const answer = await signIn({ input: { email: v.email.trim(), password: v.password, sessionMode: 'COOKIE' } });
      const login = answer.data?.login;
      if (!login) return;
      if (login.__typename === 'LoginSuccess') {
        await session.refresh();
        navigate('/', { replace: true });
      } else if (login.__typename === 'SecondFactorRequired') {
        // The challenge stays in this tab's history entry only, for the next step.
        navigate('/sign-in/code', { state: { challenge: login.challenge } });
      } else if (login.__typename === 'SecondFactorEnrolmentRequired') {
        navigate('/sign-in/set-up-authenticator', { state: { challenge: login.challenge } });
      } else if (login.__typename === 'ValidationError') {
        form.fail(fieldErrors(login.fieldErrors));
      } else {
        // Wrong address or password, or a paused account: one message, against the email field.
        form.fail({ email: login.message });
      }
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice && <NotificationBanner title="You have been signed out">{notice}</NotificationBanner>}
        {result.error && !result.data && <ProblemBanner message="Sign-in is not working at the moment. Try again." />}
        <ErrorSummary errors={{ ...form.errors, ...organisation.form.errors }} />
        <Page title="Sign in to Wraparound" hasErrors={Object.keys(form.errors).length + Object.keys(organisation.form.errors).length > 0}>
          <form onSubmit={onSubmit} noValidate>
            <TextInput name="email" label="Email address" type="email" autoComplete="username" spellCheck={false}
              value={form.values.email} onChange={(v) => form.set('email', v)} error={form.errors.email} />
            <TextInput name="password" label="Password" type="password" autoComplete="current-password"
              value={form.values.password} onChange={(v) => form.set('password', v)} error={form.errors.password} />
            <Submit busy={form.busy}>Sign in</Submit>
          </form>
          <SignInWithOrganisation {...organisation} />
        </Page>
      </div>
    </div>
  );
}
