// Set your password with the one-time link from the partnership administrator. Reached without
// signing in: the token travels in the address's fragment (never sent to a server in a request
// line or a Referer), and is taken out of the address bar once read.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { AccountActivateMutation } from './activate.graphql.ts';

function readToken() {
  const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

export function Activate() {
  const [token] = useState(readToken);
  const [result, activate] = useMutation(AccountActivateMutation);
  const [email, setEmail] = useState<string | null>(null);
  const form = useForm({ password: '', confirm: '' });
  const { values, errors, set } = form;
  useEffect(() => {
    if (email) document.title = 'Your password is set – Wraparound';
  }, [email]);

  const onSubmit = form.submit(
    (v) => errorsOf({
      password: !v.password ? 'Enter a password'
        : v.password.length < 12 ? 'Your password must be at least 12 characters' : undefined,
      confirm: !v.password || v.password.length < 12 ? undefined
        : required(v.confirm, 'Enter your password again') ?? (v.confirm !== v.password ? 'The passwords do not match' : undefined),
    }),
    async (v) => {
      const answer = (await activate({ input: { token, password: v.password } })).data?.accountActivate;
      if (answer?.__typename === 'AccountActivateSuccess') setEmail(answer.email);
      else if (answer?.__typename === 'ValidationError') {
        // A bad link is nothing the person can type: shown against the password field.
        const { token: badLink, ...problems } = fieldErrors(answer.fieldErrors);
        form.fail(badLink ? { ...problems, password: badLink } : problems);
      }
    },
  );

  if (email) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Your password is set</h1>
            <div className="govuk-panel__body">You can now sign in</div>
          </div>
          <p className="govuk-body">Sign in with your email address, <strong className="app-break-anywhere">{email}</strong>, and your new password.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/sign-in?email=${encodeURIComponent(email)}`}>Sign in to Wraparound</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {!token && <ProblemBanner message="This link is incomplete. Open the whole link your partnership administrator gave you." />}
        {result.error && !result.data && <ProblemBanner message="Your password could not be set. Try again." />}
        <ErrorSummary errors={errors} />
        <Page title="Set your password" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">Choose a password to sign in to Wraparound. A few words you will remember work well.</p>
          <form onSubmit={onSubmit} noValidate>
            <TextInput name="password" label="Password" hint="At least 12 characters" type="password" autoComplete="new-password"
              value={values.password} onChange={(v) => set('password', v)} error={errors.password} />
            <TextInput name="confirm" label="Enter the password again" type="password" autoComplete="new-password"
              value={values.confirm} onChange={(v) => set('confirm', v)} error={errors.confirm} />
            <Submit busy={form.busy}>Set password</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
