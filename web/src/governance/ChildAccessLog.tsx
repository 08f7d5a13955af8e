// A child's access log for the information-governance lead: everyone who read or changed anything
// about the child, newest first. Each person's name opens everything that person looked at.
import { useQuery } from 'urql';
import { Loading, ProblemBanner } from '../components/govuk.tsx';
import { Pager, usePages } from '../components/Pager.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';
import { auditEventOf, ChildAccessLogQuery } from './governance.graphql.ts';

export function ChildAccessLog({ childId }: { childId: string }) {
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: ChildAccessLogQuery, variables: { childId, after: pages.after } });
  if (fetching && !data) return <Loading />;
  if (error || !data) return <ProblemBanner message="The access log could not be loaded. Try again." />;
  const { edges, pageInfo } = data.childAccessLog;
  return (
    <section aria-labelledby="access-log-intro">
      <p className="govuk-body" id="access-log-intro">
        Everyone who read or changed anything about this child, newest first{pages.page > 1 ? ` (page ${pages.page})` : ''}. Times are UK time.
      </p>
      <AccessLogTable id="access-log" caption="Access log" show="person" events={edges.map((e) => auditEventOf(e.node))} />
      <Pager label="Access log pages" page={pages.page} hasOlder={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
        onOlder={() => pages.older(pageInfo.endCursor!)} onNewer={pages.newer} />
    </section>
  );
}
