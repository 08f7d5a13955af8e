// How emails that are not urgent reach the person: as they happen, or in one daily digest at a
// time they choose. Urgent ones always go at once, and the page says so.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Radios, Submit, TextInput, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, NotificationBanner, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { PreferencesQuery, PreferencesUpdateMutation } from './notifications.graphql.ts';

type Preferences = ResultOf<typeof PreferencesQuery>['notificationPreferences'];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function PreferencesForm({ current }: { current: Preferences }) {
  const [, update] = useMutation(PreferencesUpdateMutation);
  const [saved, setSaved] = useState(false);
  const form = useForm({ delivery: current.delivery as string, digestTime: current.digestTime });
  const { values, errors, set } = form;
  const onSubmit = form.submit(
    (v) => errorsOf({
      delivery: required(v.delivery, 'Select how you want to get notification emails'),
      digestTime: v.delivery === 'DAILY_DIGEST' && !HH_MM.test(v.digestTime.trim()) ? 'Enter the time as HH:MM, for example 08:00' : undefined,
    }),
    async (v) => {
      setSaved(false);
      const daily = v.delivery === 'DAILY_DIGEST';
      const answer = (await update({ input: { delivery: daily ? 'DAILY_DIGEST' : 'IMMEDIATE', digestTime: daily ? v.digestTime.trim() : null } })).data?.notificationPreferencesUpdate;
      if (answer?.__typename === 'NotificationPreferencesUpdateSuccess') setSaved(true);
      else if (answer) form.fail(fieldErrors(answer.fieldErrors));
      else form.fail({ delivery: 'Your settings could not be saved. Try again.' });
    },
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/notifications">Back to notifications</BackLink>
        {saved && <NotificationBanner success>Your notification settings have been saved.</NotificationBanner>}
        <ErrorSummary errors={errors} />
        <Page title="How you get notification emails" hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            Emails never contain anything about a child: they say what happened, give a reference and ask you to sign in.
            Urgent ones, such as a child at immediate risk or an Operation Encompass notification, are always sent at once.
          </p>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="delivery" label="When do you want emails that are not urgent?" value={values.delivery}
              onChange={(v) => set('delivery', v)} error={errors.delivery}
              options={[
                { value: 'IMMEDIATE', label: 'As they happen' },
                { value: 'DAILY_DIGEST', label: 'Once a day, in one email' },
              ]}
              conditional={{
                DAILY_DIGEST: <TextInput name="digestTime" label="Time to send it" hint="UK time, 24-hour clock, for example 08:00" width={5}
                  value={values.digestTime} onChange={(v) => set('digestTime', v)} error={errors.digestTime} />,
              }}
            />
            <Submit busy={form.busy}>Save settings</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}

export function NotificationPreferences() {
  const [{ data, fetching, error }] = useQuery({ query: PreferencesQuery });
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemBanner message={error ? 'Your settings could not be loaded. Try again.' : 'Nothing to show.'} />;
  return <PreferencesForm current={data.notificationPreferences} />;
}
