// Operation Encompass notifications: a school's DSLs read those sent to the school, newest first,
// and acknowledge each ("we have read it"); a police team sees those it sent and whether the
// school has read them. Confidential to the DSLs: the page says not to approach the parents.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { useViewer } from '../auth/session.tsx';
import { ChildInView } from '../children/ChildInView.tsx';
import { Loading, NotificationBanner, ProblemBanner, SummaryList, Tag, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { EncompassAcknowledgeMutation, EncompassNotificationsQuery } from './encompass.graphql.ts';

export function EncompassNotifications() {
  const viewer = useViewer();
  const school = viewer.organisation.agencyType === 'SCHOOL';
  const [{ data, fetching, error }, reload] = useQuery({ query: EncompassNotificationsQuery, variables: {} });
  const [acknowledging, acknowledge] = useMutation(EncompassAcknowledgeMutation);
  const [banner, setBanner] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const notifications = data?.encompassNotifications.edges.map((e) => e.node) ?? [];

  const onAcknowledge = async (id: string, reference: string) => {
    const answer = (await acknowledge({ id })).data?.encompassAcknowledge;
    if (answer?.__typename === 'EncompassAcknowledgeSuccess') {
      setBanner(`You have acknowledged ${reference}`);
      setProblem(null);
      reload();
    } else setProblem(answer?.message ?? 'The notification could not be acknowledged. Try again.');
  };

  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      {problem && <ProblemBanner message={problem} />}
      <Page title="Operation Encompass notifications" caption={viewer.organisation.name}>
        {school && <WarningText>Keep these confidential to the designated safeguarding leads. Do not contact the child’s parents about them.</WarningText>}
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The notifications could not be loaded. Try again." />}
        {data && notifications.length === 0 && <p className="govuk-body">There are no Operation Encompass notifications.</p>}
        {notifications.map((n) => (
          <section key={n.id} aria-labelledby={`encompass-${n.id}`} className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={`encompass-${n.id}`}>
              {n.reference}: {n.child ? `${n.child.givenName} ${n.child.familyName}` : 'restricted record'}
            </h2>
            <p className="govuk-body">
              {n.acknowledgedAt ? <Tag colour="green">Acknowledged</Tag> : <Tag colour="red">Not yet acknowledged</Tag>}{' '}
              {!n.deliveredBeforeNextSchoolDay && <Tag colour="orange">Sent after the school day began</Tag>}
            </p>
            <ChildInView child={n.child} headingLevel={3} />
            <SummaryList
              rows={[
                ['Incident', `${formatDateTime(n.incidentAt)}, ${n.location}`],
                ['Child present', n.childPresent ? 'Yes' : 'No'],
                ['The child’s voice', n.childsVoice],
                ['Circumstances', <span className="app-pre-wrap">{n.circumstances}</span>],
                ['Police reference', `${n.policeReference} (${n.policeOrganisation.name})`],
                [school ? 'Sent' : 'Sent to', `${school ? '' : `${n.school.name}, `}${formatDateTime(n.createdAt)}; needed by ${formatDateTime(n.dueBy)}`],
                ...(n.acknowledgedAt ? [['Acknowledged', formatDateTime(n.acknowledgedAt)] as [string, string]] : []),
              ]}
            />
            {school && !n.acknowledgedAt && (
              <button type="button" className="govuk-button" disabled={acknowledging.fetching} onClick={() => void onAcknowledge(n.id, n.reference)}>
                Acknowledge<span className="govuk-visually-hidden"> {n.reference}</span>
              </button>
            )}
          </section>
        ))}
      </Page>
    </>
  );
}
