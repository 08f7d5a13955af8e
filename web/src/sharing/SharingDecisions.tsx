// The sharing decisions on an entry, on the entry's page: for the people who may make them (the
// holding organisation's record readers), each decision to share or not to share with its
// reasons, and the ways to make a new one or revoke a live share. Nobody else sees the section.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { ButtonLink, SummaryList, Tag } from '../components/govuk.tsx';
import { conditionLabel, consentLabel, lawfulBasisLabel, recipientName, stateOf } from './labels.ts';
import { EntryDecisionsQuery, decisionsOf, type ShareDecision } from './sharing.graphql.ts';

function DecisionCard({ entryId, decision }: { entryId: string; decision: ShareDecision }) {
  const state = stateOf(decision);
  const recipient = recipientName(decision);
  const decided = `${formatDateTime(decision.decidedAt)} by ${decision.decidedBy.displayName}`;
  const rows: Array<[string, ReactNode]> = decision.decision === 'NOT_SHARE'
    ? [
        ['Decided', decided],
        ['Wanted for', decision.purpose],
        ['Why it was not shared', <span className="app-pre-wrap">{decision.reasonNotShared}</span>],
      ]
    : [
        ['Decided', decided],
        ['What was shared', <span className="app-pre-wrap">{decision.whatShared}</span>],
        ['Purpose', decision.purpose],
        ['Lawful basis', lawfulBasisLabel(decision.lawfulBasis)],
        ['Special category condition', conditionLabel(decision.specialCategoryCondition) ?? 'None'],
        ['Consent', consentLabel(decision)],
        ['Ends', decision.expiresAt ? formatDateTime(decision.expiresAt) : 'When revoked'],
        ...(decision.revokedAt
          ? [['Revoked', `${formatDateTime(decision.revokedAt)} by ${decision.revokedBy?.displayName ?? 'someone no longer listed'}: ${decision.revokeReason ?? ''}`] as [string, string]]
          : []),
      ];
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {decision.decision === 'NOT_SHARE' ? `Not shared with ${recipient}` : `Shared with ${recipient}`}{' '}
          <Tag colour={state.colour}>{state.label}</Tag>
        </h3>
        {decision.live && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`/entries/${entryId}/shares/${decision.id}/revoke`}>
                Revoke<span className="govuk-visually-hidden"> the share with {recipient}</span>
              </Link>
            </li>
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
      </div>
    </div>
  );
}

export function SharingDecisions({ entryId }: { entryId: string }) {
  const [{ data }] = useQuery({ query: EntryDecisionsQuery, variables: { id: entryId }, requestPolicy: 'cache-and-network' });
  if (!data?.entryShares) return null;
  const decisions = decisionsOf(data.entryShares);
  return (
    <section aria-labelledby="sharing-heading">
      <h2 className="govuk-heading-m" id="sharing-heading">Sharing decisions</h2>
      <p className="govuk-body">Record every decision about sharing this record, to share or not to share, with your reasons.</p>
      <div className="govuk-button-group">
        <ButtonLink to={`/entries/${entryId}/share`}>Share this record</ButtonLink>
        <ButtonLink to={`/entries/${entryId}/decline-share`} secondary>Record a decision not to share</ButtonLink>
      </div>
      {decisions.length === 0
        ? <p className="govuk-body">No sharing decisions have been recorded.</p>
        : decisions.map((d) => <DecisionCard key={d.id} entryId={entryId} decision={d} />)}
    </section>
  );
}
