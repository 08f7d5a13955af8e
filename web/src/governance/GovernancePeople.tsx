// The partnership's people, for the information-governance lead to open anyone's access log
// (deactivated accounts included: what they did stays answerable).
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { BackLink, Loading, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { Pager, usePages } from '../components/Pager.tsx';
import { GovernancePeopleQuery } from './governance.graphql.ts';

export function GovernancePeople() {
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: GovernancePeopleQuery, variables: { after: pages.after } });
  return (
    <>
      <BackLink to="/information-governance">Information governance</BackLink>
      <Page title="People’s access logs">
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The people could not be loaded. Try again." />}
        {data && (
          <>
            <Table
              id="people"
              caption="People in the partnership"
              empty="Nobody yet."
              headings={['Name', 'Job title', 'Organisation', 'Access log']}
              rows={data.users.edges.map(({ node: p }) => [
                <>{p.displayName}{!p.active && <> <Tag colour="grey">Deactivated</Tag></>}</>,
                p.jobTitle ?? '',
                p.organisation.name,
                <Link className="govuk-link" to={`/information-governance/people/${p.id}`}>
                  Everything they looked at<span className="govuk-visually-hidden">: {p.displayName}</span>
                </Link>,
              ])}
            />
            <Pager label="People pages" page={pages.page} hasOlder={data.users.pageInfo.hasNextPage && Boolean(data.users.pageInfo.endCursor)}
              onOlder={() => pages.older(data.users.pageInfo.endCursor!)} onNewer={pages.newer} words={['Previous', 'Next']} />
          </>
        )}
      </Page>
    </>
  );
}
