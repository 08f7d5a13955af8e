// Emails that could not be delivered after every attempt, for the partnership administrator: who
// it was for, what it was about (a reference, never the child), why it failed. Once the address
// is put right, it can be sent again.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { Loading, NotificationBanner, ProblemBanner, Table } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { NotificationFailuresQuery, NotificationRetryMutation } from './admin.graphql.ts';

export function FailedEmails() {
  const [{ data, fetching, error }, reload] = useQuery({ query: NotificationFailuresQuery });
  const [retrying, retry] = useMutation(NotificationRetryMutation);
  const [banner, setBanner] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const failures = data?.notificationFailures.edges.map((e) => e.node) ?? [];

  const onRetry = async (id: string, reference: string, to: string) => {
    const answer = (await retry({ id })).data?.notificationRetry;
    if (answer?.__typename === 'NotificationRetrySuccess') {
      setBanner(`The email about ${reference} to ${to} will be sent again`);
      setProblem(null);
      reload();
    } else setProblem(answer?.message ?? 'The email could not be queued again. Try again.');
  };

  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      {problem && <ProblemBanner message={problem} />}
      <Page title="Emails that could not be delivered">
        <p className="govuk-body">Check the person’s email address is right before sending again.</p>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The failed emails could not be loaded. Try again." />}
        {data && (
          <Table id="failures" caption="Failed emails" headings={['To', 'About', 'First tried', 'Attempts', 'Last error', 'Action']} numeric={[3]}
            empty="Every email has been delivered."
            rows={failures.map((n) => [
              <>{n.recipient.displayName}<br /><span className="govuk-body-s">{n.recipient.email}, {n.recipient.organisation.name}</span></>,
              `${n.title}, ${n.reference}`,
              formatDateTime(n.createdAt),
              n.attempts,
              n.lastError ?? 'Unknown',
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={retrying.fetching}
                onClick={() => void onRetry(n.id, n.reference, n.recipient.displayName)}>
                Send again<span className="govuk-visually-hidden"> to {n.recipient.displayName} about {n.reference}</span>
              </button>,
            ])} />
        )}
      </Page>
    </>
  );
}
