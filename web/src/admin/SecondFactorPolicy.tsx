// Whether password sign-in asks for a code from an authenticator app, for everyone whose roles
// can read a child's record. On unless the administrator turns it off; each change is audited.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Radios, Submit, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { SecondFactorPolicyQuery, SecondFactorPolicyUpdateMutation } from './secondFactor.graphql.ts';

export function SecondFactorPolicy() {
  const [{ data, fetching, error }] = useQuery({ query: SecondFactorPolicyQuery });
  const [saved, setSaved] = useState<boolean | null>(null);
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'The sign-in setting could not be loaded. Try again.' : 'Nothing to show.'} />;
  const required = saved ?? data.secondFactorPolicy.required;
  return <PolicyForm key={String(required)} required={required} saved={saved !== null} onSaved={setSaved} />;
}

function PolicyForm({ required, saved, onSaved }: { required: boolean; saved: boolean; onSaved(required: boolean): void }) {
  const form = useForm({ required: required ? 'yes' : 'no' });
  const [, update] = useMutation(SecondFactorPolicyUpdateMutation);
  const onSubmit = form.submit(
    () => ({}),
    async (v) => {
      const answer = (await update({ input: { required: v.required === 'yes' } })).data?.secondFactorPolicyUpdate;
      if (answer?.__typename === 'SecondFactorPolicy') onSaved(answer.required);
      else form.fail({ required: answer?.message ?? 'The setting could not be saved. Try again.' });
    },
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success>Saved. {required ? 'Sign-ins from now on ask for a code.' : 'Sign-ins from now on ask for a password only.'}</NotificationBanner>}
        <ErrorSummary errors={form.errors} />
        <Page title="Authenticator codes at sign-in" hasErrors={Object.keys(form.errors).length > 0}>
          <p className="govuk-body">
            People whose roles can read a child’s record give a code from an authenticator app on their phone after their password.
            They set the app up the first time they sign in. Administrators and the partnership’s own team, who read no child’s record,
            sign in with their password. People who sign in through their organisation’s own sign-in service are not asked here.
          </p>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="required" label="Ask for a code from an authenticator app?" inline
              value={form.values.required} onChange={(v) => form.set('required', v)} error={form.errors.required}
              options={[{ value: 'yes', label: 'Yes, ask for a code (recommended)' }, { value: 'no', label: 'No, a password is enough' }]} />
            <Submit busy={form.busy}>Save</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
