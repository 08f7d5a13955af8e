// Home: what needs the signed-in person now, soonest first: disagreements at a stage where they
// act, referrals awaiting the front door, information requests to answer, Operation Encompass
// notifications not yet read. Links and tables only; each row opens the record.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime, RAG_COLOURS } from '../app/format.ts';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { Due } from '../components/Due.tsx';
import { ButtonLink, Loading, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ConcernPatternTable } from '../concerns/ConcernPatternTable.tsx';
import { ReferralQueueTable } from '../concerns/ReferralQueueTable.tsx';
import { DisagreementQueueTable } from '../disagreements/DisagreementQueueTable.tsx';
import { GrantsAwaitingReview } from '../governance/GrantsTable.tsx';
import { NotificationFeed } from '../notifications/NotificationFeed.tsx';
import { useReloadAfterReconnecting } from '../notifications/live.tsx';
import { HomeQuery } from './home.graphql.ts';

export function Home() {
  const viewer = useViewer();
  const [{ data, error, fetching }, reload] = useQuery({ query: HomeQuery });
  useReloadAfterReconnecting(reload);

  const disagreements = data?.disagreementQueue.edges.map((e) => e.node) ?? [];
  const moreDisagreements = data?.disagreementQueue.pageInfo.hasNextPage ?? false;
  const referrals = data?.referralsAwaitingDecision.edges.map((e) => e.node) ?? [];
  const referralCount = data?.referralsAwaitingDecision.totalCount ?? 0;
  const patterns = data?.concernPatterns.edges.map((e) => e.node) ?? [];
  const patternCount = data?.concernPatterns.totalCount ?? 0;
  const requests = data?.informationRequestsReceived.edges.map((e) => e.node).filter((r) => !r.respondedAt) ?? [];
  const encompass = data?.encompassNotifications.edges.map((e) => e.node) ?? [];
  const nothing = disagreements.length + referrals.length + requests.length + encompass.length + patterns.length === 0;

  return (
    <Page title="What needs you now" caption={viewer.organisation.name}>
      {can.findChildren(viewer) && <ButtonLink to="/children" secondary>Find a child</ButtonLink>}
      {fetching && !data && <Loading />}
      {error && !data && <ProblemBanner message="Your tasks could not be loaded. Try again." />}
      {data && nothing && !can.governInformation(viewer) && <p className="govuk-body">Nothing needs you right now.</p>}
      <GrantsAwaitingReview />
      <DisagreementQueueTable
        caption={moreDisagreements ? 'Disagreements at a stage where you act: the 25 due soonest' : 'Disagreements at a stage where you act'}
        rows={disagreements}
      />
      {moreDisagreements && (
        <p className="govuk-body"><Link className="govuk-link" to="/disagreements">All disagreements waiting for you</Link></p>
      )}
      {patterns.length > 0 && (
        <>
          <ConcernPatternTable caption={`Concerns to join up: ${patternCount} not looked at yet`} rows={patterns} />
          <p className="govuk-body"><Link className="govuk-link" to="/concern-patterns">All patterns of concerns</Link></p>
        </>
      )}
      <ReferralQueueTable
        caption={`${can.decideReferrals(viewer) ? 'Referrals awaiting your decision' : 'Your referrals awaiting a decision'}${referralCount > referrals.length ? `: the ${referrals.length} most urgent of ${referralCount}` : ''}`}
        rows={referrals}
      />
      {referralCount > 0 && (
        <p className="govuk-body"><Link className="govuk-link" to="/referrals">All {referralCount} {referralCount === 1 ? 'referral' : 'referrals'} awaiting a decision</Link></p>
      )}
      <Table
        id="requests"
        caption="Information requests to answer"
        headings={['Reference', 'About', 'RAG', 'Due']}
        rows={requests.map((r) => [
          <Link className="govuk-link" to={`/information-requests/${r.id}`}>{r.request.reference}</Link>,
          `${r.request.subject.givenName} ${r.request.subject.familyName}`,
          <Tag colour={RAG_COLOURS[r.request.rag]}>{r.request.rag.toLowerCase()}</Tag>,
          <Due at={r.dueAt} overdue={r.overdue} />,
        ])}
      />
      <Table
        id="encompass"
        caption="Operation Encompass notifications to read"
        headings={['Reference', 'Child', 'Incident', 'Police reference']}
        rows={encompass.map((n) => [
          <Link className="govuk-link" to="/encompass">{n.reference}</Link>,
          n.child ? <Link className="govuk-link" to={`/children/${n.child.id}`}>{n.child.givenName} {n.child.familyName}</Link> : 'Restricted record',
          formatDateTime(n.incidentAt),
          n.policeReference,
        ])}
      />
      <section aria-labelledby="notifications-title" className="govuk-!-margin-top-6">
        <h2 className="govuk-heading-m" id="notifications-title">Notifications</h2>
        <NotificationFeed pageSize={5} />
        <p className="govuk-body"><Link className="govuk-link" to="/notifications">All notifications and email settings</Link></p>
      </section>
    </Page>
  );
}
