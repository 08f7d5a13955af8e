// The audit trail as a table for the information-governance lead: when (London time), who and
// from which organisation, what they did, and the reason they gave. Paged a screen at a time,
// newest first, by the connection's cursors (older pages are kept to go back to).
import { useState, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.ts';
import { actionLabel, EMERGENCY_ACTIONS } from './auditActions.ts';
import type { AuditEventRow } from './governance.graphql.ts';

/** Cursors of the pages seen so far: the last is the page shown (null: the newest). */
export function usePages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors[cursors.length - 1]!,
    page: cursors.length,
    older: (cursor: string) => setCursors((c) => [...c, cursor]),
    newer: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
  };
}

export function Pager({ label, page, hasOlder, onOlder, onNewer, words = ['Newer', 'Older'] }: {
  label: string; page: number; hasOlder: boolean; onOlder(): void; onNewer(): void;
  /** The links' words: newest-first logs page back in time; lists in name order page on. */
  words?: [string, string];
}) {
  if (page === 1 && !hasOlder) return null;
  const click = (go: () => void) => (event: MouseEvent) => {
    event.preventDefault();
    go();
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href="#" rel="prev" onClick={click(onNewer)}>
            <span className="govuk-pagination__link-title">{words[0]}<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      {hasOlder && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href="#" rel="next" onClick={click(onOlder)}>
            <span className="govuk-pagination__link-title">{words[1]}<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
}

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
