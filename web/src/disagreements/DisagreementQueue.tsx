// Every open disagreement at a stage where the signed-in person acts, soonest deadline first
// (overdue ones first), 25 a page. Home shows the first page; this is the rest of the queue.
import { useQuery } from 'urql';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { QueuePager, usePages } from '../components/Pager.tsx';
import { useReloadAfterReconnecting } from '../notifications/live.tsx';
import { DisagreementQueueQuery } from './disagreements.graphql.ts';
import { DisagreementQueueTable } from './DisagreementQueueTable.tsx';

export function DisagreementQueue() {
  const pages = usePages();
  const [{ data, fetching, error }, reload] = useQuery({ query: DisagreementQueueQuery, variables: { after: pages.after } });
  useReloadAfterReconnecting(reload);
  const queue = data?.disagreementQueue;
  return (
    <>
      <BackLink to="/">Home</BackLink>
      <Page title="Disagreements waiting for you">
        <p className="govuk-body">
          Open disagreements at a stage where you act, soonest deadline first{pages.page > 1 ? ` (page ${pages.page})` : ''}.
        </p>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The disagreements could not be loaded. Try again." />}
        {queue && (
          <>
            <DisagreementQueueTable caption="Disagreements at a stage where you act" rows={queue.edges.map((e) => e.node)}
              empty="No open disagreement is at a stage where you act." />
            <QueuePager label="Disagreement pages" pages={pages} pageInfo={queue.pageInfo} />
          </>
        )}
      </Page>
    </>
  );
}
