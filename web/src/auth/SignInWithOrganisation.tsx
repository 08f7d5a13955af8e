// The other way in: a person whose organisation (a police force, an NHS trust) has connected its
// own identity provider signs in there. Their work email address finds the provider by its
// domain; the server then sends the browser on (a navigation, not a form post, so the page's
// form-action policy stays 'self'). The sign-in page shows this form's problems in its one
// error summary, so the form's state lives in a hook the page holds.
import { Submit, TextInput, errorsOf, required, useForm } from '../components/form.tsx';

export function useOrganisationSignIn() {
  const form = useForm({ workEmail: '' });
  const onSubmit = form.submit(
    (v) => errorsOf({ workEmail: required(v.workEmail, 'Enter your work email') }),
    async (v) => {
      window.location.assign(`/auth/sso/start?email=${encodeURIComponent(v.workEmail.trim())}`);
    },
  );
  return { form, onSubmit };
}

export function SignInWithOrganisation({ form, onSubmit }: ReturnType<typeof useOrganisationSignIn>) {
  return (
    <section aria-labelledby="sign-in-with-organisation">
      <h2 className="govuk-heading-m" id="sign-in-with-organisation">Sign in with your organisation’s account</h2>
      <p className="govuk-body">If your organisation has connected its own sign-in to Wraparound, use your work account instead of a password.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput name="workEmail" label="Work email" type="email" autoComplete="email" spellCheck={false}
          value={form.values.workEmail} onChange={(v) => form.set('workEmail', v)} error={form.errors.workEmail} />
        <Submit busy={form.busy} secondary>Continue to your organisation’s sign-in</Submit>
      </form>
    </section>
  );
}
