// The child page's information-governance parts. At the top: the outcome of what the person just
// did (restricted, lifted, broke the glass), their live emergency access, or that restrictions hide
// entries they would otherwise see (with the way to emergency access for roles that have it).
// Lower down: the restrictions they are named on (all of them for the IG lead), the way to
// restrict, and for the IG lead the child's access log.
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { ButtonLink, Loading, NotificationBanner, ProblemBanner, Table, WarningText } from '../components/govuk.tsx';
import { ChildAccessLog } from './ChildAccessLog.tsx';
import { ChildRestrictionsQuery, RestrictionNoticeQuery } from './governance.graphql.ts';

/** A message another screen left for this one (after restricting, lifting, breaking the glass). */
export function useBanner() {
  const location = useLocation();
  const [banner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  return banner;
}

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

export function ChildNotices({ childId }: { childId: string }) {
  const viewer = useViewer();
  const banner = useBanner();
  const [{ data }] = useQuery({ query: RestrictionNoticeQuery, variables: { childId } });
  const notice = data?.restrictionNotice;
  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      {notice?.emergencyAccessUntil ? (
        <WarningText>
          You are using emergency access to this record until {formatDateTime(notice.emergencyAccessUntil)}. Everything you open is
          recorded, and the information-governance lead has been told.
        </WarningText>
      ) : notice && notice.restrictedEntries > 0 && (
        <div className="govuk-inset-text" id="restricted-entries">
          <p className="govuk-body">
            {entries(notice.restrictedEntries)} about this child {notice.restrictedEntries === 1 ? 'is' : 'are'} restricted to named
            people and not shown to you.
          </p>
          {can.breakGlass(viewer)
            ? <ButtonLink to={`/children/${childId}/emergency-access`} secondary>Emergency access</ButtonLink>
            : <p className="govuk-body">If you need {notice.restrictedEntries === 1 ? 'it' : 'them'}, ask the person who restricted {notice.restrictedEntries === 1 ? 'it' : 'them'} or your safeguarding lead.</p>}
        </div>
      )}
    </>
  );
}

export function ChildRestrictions({ childId }: { childId: string }) {
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: ChildRestrictionsQuery, variables: { childId } });
  const restrictions = data?.restrictions ?? [];
  const mayRestrict = can.restrictEntries(viewer) || can.restrictWholeRecord(viewer);
  if (!mayRestrict && restrictions.length === 0 && !can.governInformation(viewer)) return null;
  return (
    <>
      <div className="govuk-!-margin-bottom-6">
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="Restrictions could not be loaded. Try again." />}
        {data && <Table
          id="restrictions"
          caption={can.governInformation(viewer) ? 'Active restrictions' : 'Active restrictions you are named on'}
          empty={can.governInformation(viewer) ? 'None.' : undefined}
          headings={['What', 'Reason', 'Who may see it', 'Restricted by', 'Action']}
          rows={restrictions.map((r) => {
            const member = r.members.some((m) => m.id === viewer.id);
            return [
              r.childId ? 'The whole record'
                : can.findChildren(viewer) ? <Link className="govuk-link" to={`/entries/${r.entryId}`}>One entry</Link> : 'One entry',
              <span className="app-pre-wrap">{r.reason}</span>,
              <ul className="govuk-list">{r.members.map((m) => <li key={m.id}>{m.displayName}<br /><span className="govuk-body-s">{m.organisation.name}</span></li>)}</ul>,
              <>{r.createdBy.displayName}<br /><span className="govuk-body-s">{formatDateTime(r.createdAt)}</span></>,
              member && mayRestrict
                ? <Link className="govuk-link" to={`/children/${childId}/restrictions/${r.id}/lift`}>Lift<span className="govuk-visually-hidden"> the restriction: {r.reason}</span></Link>
                : '',
            ];
          })}
        />}
        {mayRestrict && <ButtonLink to={`/children/${childId}/restrictions/new`} secondary>Restrict a record</ButtonLink>}
      </div>
      {can.governInformation(viewer) && (
        <section aria-labelledby="access-log-heading" className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m" id="access-log-heading">Who has accessed this record</h2>
          <ChildAccessLog childId={childId} />
        </section>
      )}
    </>
  );
}
