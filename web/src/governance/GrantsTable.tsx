// Emergency accesses (break-glass grants) for the information-governance lead, newest first: who,
// when, why, until when, and whether reviewed. Each opens its review.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { Loading, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Pager, usePages } from '../components/Pager.tsx';
import { BreakGlassGrantsQuery, grantOf, type Grant } from './governance.graphql.ts';

export function grantStatus(grant: Grant) {
  if (grant.reviewedAt) return <Tag colour="green">Reviewed</Tag>;
  return grant.live ? <Tag colour="red">Live, not reviewed</Tag> : <Tag colour="orange">Ended, not reviewed</Tag>;
}

export function GrantsTable({ id, caption, unreviewedOnly, empty, pageSize = 25 }: {
  id: string; caption: string; unreviewedOnly: boolean; empty: string; pageSize?: number;
}) {
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: BreakGlassGrantsQuery, variables: { unreviewedOnly, first: pageSize, after: pages.after } });
  if (fetching && !data) return <Loading />;
  if (error || !data) return <ProblemBanner message="Emergency accesses could not be loaded. Try again." />;
  const { edges, pageInfo } = data.breakGlassGrants;
  const grants = edges.map((e) => grantOf(e.node));
  return (
    <>
      <Table
        id={id}
        caption={caption}
        empty={empty}
        headings={['Who', 'When', 'Reason given', 'Status', 'Review']}
        rows={grants.map((g) => [
          <>{g.user.displayName}<br /><span className="govuk-body-s">{g.user.organisation.name}</span></>,
          <>{formatDateTime(g.grantedAt)}<br /><span className="govuk-body-s">until {formatDateTime(g.expiresAt)}</span></>,
          g.reason,
          grantStatus(g),
          <Link className="govuk-link" to={`/information-governance/emergency-access/${g.id}`}>
            {g.reviewedAt ? 'View' : 'Review'}<span className="govuk-visually-hidden"> {g.user.displayName}’s emergency access of {formatDateTime(g.grantedAt)}</span>
          </Link>,
        ])}
      />
      <Pager label={`${caption}: pages`} page={pages.page} hasOlder={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
        onOlder={() => pages.older(pageInfo.endCursor!)} onNewer={pages.newer} />
    </>
  );
}

/** On the IG lead's home page: what awaits their review (nothing for anyone else). */
export function GrantsAwaitingReview() {
  const viewer = useViewer();
  if (!can.governInformation(viewer)) return null;
  return (
    <>
      <GrantsTable id="grants-awaiting-review" caption="Emergency access awaiting your review" unreviewedOnly pageSize={10}
        empty="No emergency access is waiting for review." />
      <p className="govuk-body"><Link className="govuk-link" to="/information-governance">Information governance</Link></p>
    </>
  );
}
