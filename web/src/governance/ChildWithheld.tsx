// What the child page shows when the API does not give the viewer the child's record. For the
// information-governance lead, who reads no record: who the child is, the restrictions and the
// access log. For a practitioner who would see the child but for a restriction: that it is
// restricted, and emergency access if their role has it. Anyone else: not found, exactly as for a
// child that does not exist.
import { useQuery } from 'urql';
import { formatDate } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { ButtonLink, Loading, ProblemBanner, SummaryList, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ChildNotices, ChildRestrictions } from './ChildGovernance.tsx';
import { GovernedChildQuery, RestrictionNoticeQuery } from './governance.graphql.ts';

function GovernedChild({ childId }: { childId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: GovernedChildQuery, variables: { id: childId } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This child could not be loaded. Try again." />;
  const child = data?.childIdentity;
  if (!child) return <NotFound what="Child" />;
  return (
    <Page title={`${child.givenName} ${child.familyName}`} caption="Child: information governance">
      <ChildNotices childId={childId} />
      <SummaryList rows={[
        ['Date of birth', formatDate(child.dateOfBirth)],
        ['Whole record restricted', child.restricted ? <Tag colour="orange">Restricted</Tag> : 'No'],
      ]} />
      <p className="govuk-body">You see who this child is, the restrictions on their record and who has accessed it, not the record itself.</p>
      <ChildRestrictions childId={childId} />
    </Page>
  );
}

function RestrictedChild({ childId }: { childId: string }) {
  const viewer = useViewer();
  const [{ data, fetching }] = useQuery({ query: RestrictionNoticeQuery, variables: { childId } });
  if (fetching && !data) return <Loading />;
  if (!data?.restrictionNotice?.wholeRecord) return <NotFound what="Child" />;
  return (
    <Page title="This child’s record is restricted">
      <p className="govuk-body">The record has been restricted to named people, for example because it concerns a relative of a member of staff or a case under review. It is not shown to you.</p>
      {can.breakGlass(viewer) ? (
        <>
          <p className="govuk-body">If a child may be at risk and you cannot wait, you can use emergency access. It is recorded and the information-governance lead is told at once.</p>
          <ButtonLink to={`/children/${childId}/emergency-access`} secondary>Emergency access</ButtonLink>
        </>
      ) : (
        <p className="govuk-body">If you need to see it, speak to your safeguarding lead or the information-governance lead.</p>
      )}
    </Page>
  );
}

export function ChildWithheld({ childId }: { childId: string }) {
  const viewer = useViewer();
  return can.governInformation(viewer) ? <GovernedChild childId={childId} /> : <RestrictedChild childId={childId} />;
}
