// The audit trail as a table for the information-governance lead: when (London time), who and
// from which organisation, what they did, and the reason they gave. Paged a screen at a time,
// newest first, with the shared Pager (components/Pager.tsx).
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.ts';
import { actionLabel, EMERGENCY_ACTIONS } from './auditActions.ts';
import type { AuditEventRow } from './governance.graphql.ts';

export function AccessLogTable({ id, caption, events, show }: {
  id: string;
  caption: string;
  events: AuditEventRow[];
  /** The person column (a child's log) or the child column (a person's log). */
  show: 'person' | 'child';
}) {
  return (
    <table className="govuk-table" aria-labelledby={id}>
      <caption className="govuk-table__caption govuk-table__caption--m" id={id}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">When</th>
          {show === 'person' && <th scope="col" className="govuk-table__header">Who</th>}
          <th scope="col" className="govuk-table__header">What</th>
          {show === 'child' && <th scope="col" className="govuk-table__header">Child</th>}
          <th scope="col" className="govuk-table__header">Reason given</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {events.length === 0 && (
          <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={4}>Nothing recorded.</td></tr>
        )}
        {events.map((e) => (
          <tr className="govuk-table__row" key={e.sequence}>
            <td className="govuk-table__cell">{formatDateTime(e.occurredAt)}</td>
            {show === 'person' && (
              <td className="govuk-table__cell">
                {e.actor ? (
                  <>
                    <Link className="govuk-link" to={`/information-governance/people/${e.actor.id}`}>
                      {e.actor.displayName}<span className="govuk-visually-hidden">: everything they looked at</span>
                    </Link>
                    <br /><span className="govuk-body-s">{e.actor.organisation.name}</span>
                  </>
                ) : 'The system'}
              </td>
            )}
            <td className="govuk-table__cell">
              {EMERGENCY_ACTIONS.has(e.action) ? <strong>{actionLabel(e.action)}</strong> : actionLabel(e.action)}
            </td>
            {show === 'child' && (
              <td className="govuk-table__cell">
                {e.childId ? <Link className="govuk-link" to={`/children/${e.childId}`}>Child’s access log</Link> : ''}
              </td>
            )}
            <td className="govuk-table__cell">{e.purpose ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
