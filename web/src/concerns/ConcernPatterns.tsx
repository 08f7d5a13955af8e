// Every pattern of concerns found for the front door (joining the dots), newest first, 25 a page,
// with how many there are. Home shows those nobody has looked at yet.
import { useQuery } from 'urql';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { QueuePager, usePages } from '../components/Pager.tsx';
import { ConcernPatternsQuery } from './concernPatterns.graphql.ts';
import { ConcernPatternTable } from './ConcernPatternTable.tsx';

export function ConcernPatterns() {
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: ConcernPatternsQuery, variables: { after: pages.after } });
  const list = data?.concernPatterns;
  return (
    <>
      <BackLink to="/">Home</BackLink>
      <Page title="Concerns to join up">
        <p className="govuk-body">
          Concerns about one child from several organisations, or several concerns, within the partnership’s window. Look at them together.
        </p>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The patterns of concerns could not be loaded. Try again." />}
        {list && (
          <>
            <p className="govuk-body" role="status">{list.totalCount === 1 ? '1 pattern found' : `${list.totalCount} patterns found`}.</p>
            <ConcernPatternTable caption="Patterns of concerns, newest first" rows={list.edges.map((e) => e.node)} empty="No pattern of concerns has been found." />
            <QueuePager label="Pattern pages" pages={pages} pageInfo={list.pageInfo} />
          </>
        )}
      </Page>
    </>
  );
}
