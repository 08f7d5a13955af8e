// Everything one person has done or read, newest first: for the information-governance lead
// checking whether someone's access was proportionate.
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFound } from '../app/guards.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { Pager, usePages } from '../components/Pager.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';
import { auditEventOf, PersonAccessLogQuery } from './governance.graphql.ts';

export function PersonAccessLog() {
  const { userId = '' } = useParams();
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: PersonAccessLogQuery, variables: { userId, after: pages.after } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This access log could not be loaded. Try again." />;
  const person = data?.user;
  if (!data || !person) return <NotFound what="Person" />;
  const { edges, pageInfo } = data.userAccessLog;
  return (
    <>
      <BackLink to="/information-governance/people">All people</BackLink>
      <Page title={`Everything ${person.displayName} looked at`} caption={[person.jobTitle, person.organisation.name].filter(Boolean).join(', ')}>
        <p className="govuk-body">What they read and changed, newest first{pages.page > 1 ? ` (page ${pages.page})` : ''}. Times are UK time.</p>
        <AccessLogTable id="person-log" caption="Access log" show="child" events={edges.map((e) => auditEventOf(e.node))} />
        <Pager label="Access log pages" page={pages.page} hasOlder={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
          onOlder={() => pages.older(pageInfo.endCursor!)} onNewer={pages.newer} />
      </Page>
    </>
  );
}
