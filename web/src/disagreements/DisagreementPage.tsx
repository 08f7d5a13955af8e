// A disagreement: the immediate-risk advice first when there is any, what is disputed, its stages
// on the ladder as a timeline (each with its deadline, who takes part, what was said and how it
// ended), and the actions the API says this person may take now: the page decides nothing itself.
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { DISAGREEMENT_STATUS_COLOURS, formatDate, formatDateTime, humanise } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { ROLE_LABELS, rolesFor } from '../admin/roles.ts';
import { ChildInView } from '../children/ChildInView.tsx';
import { Loading, NotificationBanner, ProblemBanner, SummaryList, Table, Tag, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { ActionForm } from './ActionForm.tsx';
import {
  DisagreementEscalateMutation, DisagreementQuery, DisagreementResolveMutation, DisagreementRespondMutation, DisagreementWithdrawMutation, LadderQuery,
} from './disagreements.graphql.ts';

type Disagreement = NonNullable<ResultOf<typeof DisagreementQuery>['disagreement']>;
type Stage = Disagreement['stages'][number];
type LadderStage = NonNullable<ResultOf<typeof LadderQuery>['escalationLadder']>['stages'][number];

const EXIT_WORDS: Record<string, string> = {
  RESOLVED: 'Resolved', WITHDRAWN: 'Withdrawn', ESCALATED_BY_HAND: 'Escalated', ESCALATED_BY_CLOCK: 'Moved up when its time ran out',
};

type Role = LadderStage['raiserRoles'][number];
type AgencyType = Disagreement['raisingOrganisation']['agencyType'];

/** The ladder names roles of every kind of agency for a side: only those this agency has count. */
const rolesIn = (roles: readonly Role[], agencyType?: AgencyType) =>
  roles.filter((r) => !agencyType || rolesFor(agencyType).includes(r)).map((r) => ROLE_LABELS[r] ?? humanise(r)).join(', ');

/** Who takes part at a stage: each side's organisation and the roles the ladder names for it. */
function Involved({ d, roles }: { d: Disagreement; roles: LadderStage | undefined }) {
  if (!roles) return null;
  const sides: Array<[string, string, string]> = [
    ['Raising side', d.raisingOrganisation.name, rolesIn(roles.raiserRoles, d.raisingOrganisation.agencyType)],
    ['Responding side', d.respondingOrganisation.name, rolesIn(roles.responderRoles, d.respondingOrganisation.agencyType)],
    ['Partnership', 'The safeguarding partnership', rolesIn(roles.partnershipRoles)],
  ];
  return (
    <dl className="app-stage__involved govuk-body-s">
      {sides.filter(([, , names]) => names !== '').map(([side, organisation, names]) => (
        <div key={side}>
          <dt>{side}</dt>
          <dd>{organisation}: {names}</dd>
        </div>
      ))}
    </dl>
  );
}

function StageItem({ d, s, roles }: { d: Disagreement; s: Stage; roles: LadderStage | undefined }) {
  const current = !s.exitedAt && d.status === 'OPEN';
  return (
    <li className={`app-timeline__item${current ? ' app-timeline__item--current' : ''}`}>
      <h3 className="govuk-heading-s app-timeline__title">
        Stage {s.position}: {s.label}{' '}
        {current ? <Tag colour="blue">Current stage</Tag> : <Tag colour="grey">Finished</Tag>} {s.overdue && <Tag colour="red">Overdue</Tag>}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        Started {formatDateTime(s.enteredAt)}. {s.exitedAt ? 'Was due' : 'Due'} by <strong>{formatDateTime(s.dueAt)}</strong>.
      </p>
      <Involved d={d} roles={roles} />
      {s.contributions.map((c, i) => (
        <div className="app-stage__contribution" key={i}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{c.author.displayName}</strong>{c.author.jobTitle && `, ${c.author.jobTitle}`}, {c.author.organisation.name}, {formatDateTime(c.createdAt)}
          </p>
          <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">{c.discussion}</p>
          {c.decision && <p className="govuk-body govuk-!-margin-bottom-1"><strong>Decision:</strong> {c.decision}</p>}
          {c.rationale && <p className="govuk-body govuk-!-margin-bottom-1"><strong>Rationale:</strong> {c.rationale}</p>}
        </div>
      ))}
      {s.exit && s.exitedAt && (
        <p className="govuk-body-s govuk-!-margin-bottom-0">
          <strong>{EXIT_WORDS[s.exit] ?? humanise(s.exit)}</strong>
          {s.exitedBy && ` by ${s.exitedBy.displayName}, ${s.exitedBy.organisation.name}`} on {formatDateTime(s.exitedAt)}
          {s.exitReason && `: ${s.exitReason}`}
        </p>
      )}
    </li>
  );
}

export function DisagreementPage() {
  const { disagreementId = '' } = useParams();
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
  // Offered exactly as the API says: the same rules the mutations apply (schema/src/disagreements/actors.ts).
  const may = new Set(d.viewerActions);
  const person = (p: { displayName: string; jobTitle: string | null }) => (p.jobTitle ? `${p.displayName}, ${p.jobTitle}` : p.displayName);
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
        <ChildInView child={d.child} recordOpen={d.childRecordOpen} />
        <SummaryList
          rows={[
            ['Raised by', `${person(d.raisedBy)}, ${d.raisingOrganisation.name}, ${formatDateTime(d.createdAt)}`],
            ['Disagrees with', d.respondingUser ? `${person(d.respondingUser)}, ${d.respondingOrganisation.name}` : d.respondingOrganisation.name],
            ...(d.urgentReason ? [['Why it is urgent', d.urgentReason] as [string, string]] : []),
            ['Decision', `${d.decisionChallenged} (${formatDate(d.decisionDate)})`],
            ['Reason', reason],
            ['Evidence', d.evidence],
            ['Outcome sought', d.outcomeSought],
            ...(d.outcomeStatement ? [['Agreed outcome', d.outcomeStatement] as [string, string]] : []),
            ...(d.resolvedAt ? [['Resolved', `${formatDateTime(d.resolvedAt)} at stage ${d.resolvedAtPosition}`] as [string, string]] : []),
            ...(d.withdrawnReason ? [['Withdrawn', d.withdrawnReason] as [string, string]] : []),
          ]}
        />
        {d.actions.length > 0 && (
          <Table id="agreed-actions" caption="Agreed actions" headings={['Action', 'Due', 'Done']}
            rows={d.actions.map((a) => [a.description, formatDate(a.dueOn), a.completedAt ? formatDateTime(a.completedAt) : 'Not yet'])} />
        )}
        <h2 className="govuk-heading-m">Stages on the escalation ladder</h2>
        <ol className="govuk-list app-timeline">
          {d.stages.map((s) => (
            <StageItem key={`${s.position}-${s.enteredAt}`} d={d} s={s} roles={ladder?.stages.find((l) => l.position === s.position)} />
          ))}
        </ol>
        <h2 className="govuk-heading-m">What you can do</h2>
        {may.size === 0 && (
          <p className="govuk-body" id="no-actions">
            {d.status === 'OPEN'
              ? 'You have nothing to do on this disagreement at its current stage. The people taking part are listed against the stage.'
              : 'This disagreement has ended: nothing more can be done on it here.'}
          </p>
        )}
        {may.has('RESPOND') && (
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
        {may.has('RESOLVE') && (
          <ActionForm id="resolve" title="Resolve" submitLabel="Resolve disagreement" onDone={done('Disagreement resolved')}
            fields={[
              { name: 'outcomeStatement', label: 'Agreed outcome', hint: 'Copied into the child’s record for each agency involved.', requiredMessage: 'Enter the agreed outcome' },
              { name: 'systemIssueFound', label: 'Was a system issue found?', yesNo: true, requiredMessage: 'Select yes if a system issue was found' },
              { name: 'systemIssueDetail', label: 'If so, what was the system issue?', hint: 'For example, a gap in a procedure or between two agencies’ systems.' },
              { name: 'learning', label: 'Learning (optional)' },
            ]}
            run={async (v) => (await client.mutation(DisagreementResolveMutation, {
              input: {
                disagreementId: d.id, outcomeStatement: v.outcomeStatement!, systemIssueFound: v.systemIssueFound === 'yes',
                systemIssueDetail: v.systemIssueDetail || null, learning: v.learning || null,
              },
            }).toPromise()).data?.disagreementResolve} />
        )}
        {may.has('ESCALATE') && (
          <ActionForm id="escalate" title="Escalate to the next stage" submitLabel="Escalate" onDone={done('Escalated to the next stage')}
            fields={[{ name: 'reason', label: 'Why are you escalating?', requiredMessage: 'Enter why you are escalating' }]}
            run={async (v) => (await client.mutation(DisagreementEscalateMutation, { id: d.id, reason: v.reason! }).toPromise()).data?.disagreementEscalate} />
        )}
        {may.has('WITHDRAW') && (
          <ActionForm id="withdraw" title="Withdraw" submitLabel="Withdraw disagreement" warning onDone={done('Disagreement withdrawn')}
            fields={[{ name: 'withdrawReason', label: 'Why are you withdrawing it?', requiredMessage: 'Enter why you are withdrawing it' }]}
            run={async (v) => (await client.mutation(DisagreementWithdrawMutation, { id: d.id, reason: v.withdrawReason! }).toPromise()).data?.disagreementWithdraw} />
        )}
      </Page>
    </>
  );
}
