// A child's page: who they are, the statuses every permitted partner must see, what the viewer
// can do next, and the chronology.
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, humanise, STATUS_LABELS } from '../app/format.ts';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { ButtonLink, Loading, ProblemBanner, SummaryList, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ChildNotices, ChildRestrictions } from '../governance/ChildGovernance.tsx';
import { ChildWithheld } from '../governance/ChildWithheld.tsx';
import { ChildQuery } from './children.graphql.ts';
import { Chronology } from './Chronology.tsx';

export function ChildPage() {
  const { childId = '' } = useParams();
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: ChildQuery, variables: { id: childId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This child’s record could not be loaded. Try again." />;
  const child = data?.child;
  // Not given the record: restricted from this viewer, the IG lead's view, or not found.
  if (!child) return <ChildWithheld childId={childId} />;

  const current = child.statuses?.filter((s) => s.current) ?? [];
  return (
    <Page title={`${child.givenName} ${child.familyName}`} caption="Child">
      <ChildNotices childId={child.id} />
      <p className="govuk-body">
        {child.statuses === null ? null : current.length === 0
          ? <Tag colour="grey">No current plan or status</Tag>
          : current.map((s) => <span key={s.kind}><Tag colour={s.kind === 'CHILD_PROTECTION_PLAN' ? 'red' : 'purple'}>{STATUS_LABELS[s.kind]}</Tag> </span>)}
      </p>
      <SummaryList
        rows={[
          ['Date of birth', formatDate(child.dateOfBirth)],
          ['Preferred name', child.preferredName],
          ['Gender', humanise(child.gender)],
          ['NHS number', child.nhsNumber],
          ['UPN', child.upn],
          ['School', child.school?.name],
          ...(child.statuses?.length
            ? [['Status history', child.statuses.map((s) => `${STATUS_LABELS[s.kind]} from ${formatDate(s.startedOn)}${s.endedOn ? ` to ${formatDate(s.endedOn)}` : ''}`).join('; ')] as [string, string]]
            : []),
        ]}
      />
      <div className="govuk-button-group">
        {can.raiseConcern(viewer) && <ButtonLink to={`/children/${child.id}/concerns/new`}>Flag a concern</ButtonLink>}
        {can.raiseDisagreement(viewer) && <ButtonLink to={`/children/${child.id}/disagreements/new`} secondary>Raise a disagreement</ButtonLink>}
        {can.sendEncompass(viewer) && <ButtonLink to={`/children/${child.id}/encompass/new`} secondary>Send an Operation Encompass notification</ButtonLink>}
        {can.requestInformation(viewer) && <ButtonLink to={`/children/${child.id}/information-requests/new`} secondary>Request information</ButtonLink>}
      </div>
      <ChildRestrictions childId={child.id} />
      <Chronology childId={child.id} />
    </Page>
  );
}
