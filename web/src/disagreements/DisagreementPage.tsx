// A disagreement: the immediate-risk advice first when there is any, what is disputed, its stages
// on the ladder as a timeline, what each side said, and the actions this person may take now.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { DISAGREEMENT_STATUS_COLOURS, formatDate, formatDateTime, humanise } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { useViewer } from '../auth/session.tsx';
import type { Viewer } from '../auth/session.graphql.ts';
import { Loading, NotificationBanner, ProblemBanner, SummaryList, Tag, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { ActionForm } from './ActionForm.tsx';
import {
  DisagreementEscalateMutation, DisagreementQuery, DisagreementResolveMutation, DisagreementRespondMutation, DisagreementWithdrawMutation, LadderQuery,
} from './disagreements.graphql.ts';

type Disagreement = NonNullable<ResultOf<typeof DisagreementQuery>['disagreement']>;
type Ladder = NonNullable<ResultOf<typeof LadderQuery>['escalationLadder']>;

/** What the viewer may do now, by the same rules as the API (schema/src/disagreements/actors.ts). */
function actionsFor(viewer: Viewer, d: Disagreement, ladder: Ladder | null | undefined) {
  if (d.status !== 'OPEN' || !ladder) return { respond: false, resolve: false, escalate: false, withdraw: false };
  const stage = ladder.stages.find((s) => s.position === d.currentPosition);
  const has = (roles: readonly string[] | undefined) => viewer.roles.some((r) => roles?.includes(r));
  const raiserSide = viewer.organisation.id === d.raisingOrganisation.id;
  const acting =
    (raiserSide && has(stage?.raiserRoles)) ||
    (viewer.organisation.id === d.respondingOrganisation.id && has(stage?.responderRoles)) ||
    (viewer.organisation.agencyType === 'PARTNERSHIP' && has(stage?.partnershipRoles));
  return {
    respond: acting,
    resolve: acting,
    escalate: (viewer.id === d.raisedBy.id || (raiserSide && has(stage?.raiserRoles))) && !stage?.final,
    withdraw: raiserSide,
  };
}

function Stages({ d }: { d: Disagreement }) {
  return (
    <ol className="govuk-list app-timeline">
      {d.stages.map((s) => (
        <li className="app-timeline__item" key={s.position}>
          <h3 className="govuk-heading-s app-timeline__title">Stage {s.position}: {s.label}</h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Started {formatDateTime(s.enteredAt)}. Due by {formatDateTime(s.dueAt)}.
            {s.exitedAt && ` ${humanise(s.exit ?? 'Ended')} ${formatDateTime(s.exitedAt)}.`}
          </p>
          {s.exitReason && <p className="govuk-body-s">{s.exitReason}</p>}
          <p className="govuk-body-s">
            {s.exitedAt ? <Tag colour="grey">Finished</Tag> : <Tag colour="blue">Current stage</Tag>} {s.overdue && <Tag colour="red">Overdue</Tag>}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function DisagreementPage() {
  const { disagreementId = '' } = useParams();
  const viewer = useViewer();
  const client = useClient();
  const location = useLocation();
  const [banner, setBanner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const [{ data, fetching, error }, reload] = useQuery({ query: DisagreementQuery, variables: { id: disagreementId } });
  const d = data?.disagreement;
  const [{ data: ladderData }] = useQuery({ query: LadderQuery, variables: { version: d?.ladderVersion ?? 0 }, pause: !d });

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This disagreement could not be loaded. Try again." />;
  if (!d) return <NotFound what="Disagreement" />;
  const ladder = ladderData?.escalationLadder;
  const may = actionsFor(viewer, d, ladder);
  const done = (message: string) => () => {
    setBanner(message);
    reload();
  };
  const reason = ladder?.reasonCategories.find((r) => r.code === d.reasonCode)?.label ?? humanise(d.reasonCode);

  return (
    <>
      {d.immediateRiskAdvice && <WarningText>{d.immediateRiskAdvice}</WarningText>}
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      <Page title={`Disagreement ${d.reference}`} caption={`${d.child.givenName} ${d.child.familyName}`}>
        <p className="govuk-body">
          <Tag colour={DISAGREEMENT_STATUS_COLOURS[d.status]}>{humanise(d.status)}</Tag>{' '}
          {d.urgency === 'URGENT' && <Tag colour="red">Urgent</Tag>} {d.overdue && <Tag colour="red">Overdue</Tag>}
        </p>
        <SummaryList
          rows={[
            ['Child', <Link className="govuk-link" to={`/children/${d.child.id}`}>{d.child.givenName} {d.child.familyName}</Link>],
            ['Raised by', `${d.raisedBy.displayName}, ${d.raisingOrganisation.name}, ${formatDateTime(d.createdAt)}`],
            ['Disagrees with', d.respondingOrganisation.name],
            ['Decision', `${d.decisionChallenged} (${formatDate(d.decisionDate)})`],
            ['Reason', reason],
            ['Evidence', d.evidence],
            ['Outcome sought', d.outcomeSought],
            ...(d.outcomeStatement ? [['Agreed outcome', d.outcomeStatement] as [string, string]] : []),
            ...(d.resolvedAt ? [['Resolved', `${formatDateTime(d.resolvedAt)} at stage ${d.resolvedAtPosition}`] as [string, string]] : []),
            ...(d.withdrawnReason ? [['Withdrawn', d.withdrawnReason] as [string, string]] : []),
          ]}
        />
        <h2 className="govuk-heading-m">Stages</h2>
        <Stages d={d} />
        {d.contributions.length > 0 && (
          <>
            <h2 className="govuk-heading-m">What each side said</h2>
            {d.contributions.map((c, i) => (
              <div className="govuk-inset-text" key={i}>
                <p className="govuk-body-s">{c.author.displayName}, {c.author.organisation.name}, {formatDateTime(c.createdAt)}</p>
                <p className="govuk-body">{c.discussion}</p>
                {c.decision && <p className="govuk-body"><strong>Decision:</strong> {c.decision}</p>}
                {c.rationale && <p className="govuk-body"><strong>Rationale:</strong> {c.rationale}</p>}
              </div>
            ))}
          </>
        )}
        {may.respond && (
          <ActionForm id="respond" title="Respond" submitLabel="Send response" onDone={done('Response recorded')}
            fields={[
              { name: 'discussion', label: 'Your response', requiredMessage: 'Enter your response' },
              { name: 'decision', label: 'Decision (optional)' },
              { name: 'rationale', label: 'Rationale (optional)' },
            ]}
            run={async (v) => (await client.mutation(DisagreementRespondMutation, {
              id: d.id, discussion: v.discussion!, decision: v.decision || null, rationale: v.rationale || null,
            }).toPromise()).data?.disagreementRespond} />
        )}
        {may.resolve && (
          <ActionForm id="resolve" title="Resolve" submitLabel="Resolve disagreement" onDone={done('Disagreement resolved')}
            fields={[
              { name: 'outcomeStatement', label: 'Agreed outcome', hint: 'Copied into the child’s record for each agency involved.', requiredMessage: 'Enter the agreed outcome' },
              { name: 'systemIssueFound', label: 'Was a system issue found?', yesNo: true, requiredMessage: 'Select yes if a system issue was found' },
              { name: 'learning', label: 'Learning (optional)' },
            ]}
            run={async (v) => (await client.mutation(DisagreementResolveMutation, {
              input: { disagreementId: d.id, outcomeStatement: v.outcomeStatement!, systemIssueFound: v.systemIssueFound === 'yes', learning: v.learning || null },
            }).toPromise()).data?.disagreementResolve} />
        )}
        {may.escalate && (
          <ActionForm id="escalate" title="Escalate to the next stage" submitLabel="Escalate" onDone={done('Escalated to the next stage')}
            fields={[{ name: 'reason', label: 'Why are you escalating?', requiredMessage: 'Enter why you are escalating' }]}
            run={async (v) => (await client.mutation(DisagreementEscalateMutation, { id: d.id, reason: v.reason! }).toPromise()).data?.disagreementEscalate} />
        )}
        {may.withdraw && (
          <ActionForm id="withdraw" title="Withdraw" submitLabel="Withdraw disagreement" warning onDone={done('Disagreement withdrawn')}
            fields={[{ name: 'withdrawReason', label: 'Why are you withdrawing it?', requiredMessage: 'Enter why you are withdrawing it' }]}
            run={async (v) => (await client.mutation(DisagreementWithdrawMutation, { id: d.id, reason: v.withdrawReason! }).toPromise()).data?.disagreementWithdraw} />
        )}
      </Page>
    </>
  );
}
