// Small GOV.UK Design System components as React: the markup the govuk-frontend CSS expects.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** A GOV.UK table named by its caption. With no rows it shows `empty` instead, or nothing at all. */
export function Table({ id, caption, headings, rows, empty, numeric = [] }: {
  id: string;
  caption: string;
  headings: string[];
  rows: ReactNode[][];
  empty?: string;
  /** Columns (by index) holding numbers: right-aligned, as GOV.UK does. */
  numeric?: number[];
}) {
  if (rows.length === 0 && !empty) return null;
  const cell = (j: number) => `govuk-table__cell${numeric.includes(j) ? ' govuk-table__cell--numeric' : ''}`;
  return (
    <table className="govuk-table" aria-labelledby={id}>
      <caption className="govuk-table__caption govuk-table__caption--m" id={id}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {headings.map((h, j) => <th scope="col" className={`govuk-table__header${numeric.includes(j) ? ' govuk-table__header--numeric' : ''}`} key={h}>{h}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.length === 0 && <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={headings.length}>{empty}</td></tr>}
        {rows.map((cells, i) => (
          <tr className="govuk-table__row" key={i}>
            {cells.map((c, j) => <td className={cell(j)} key={j}>{c}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryList({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value ?? 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NotificationBanner({ title, success = false, children }: { title?: string; success?: boolean; children: ReactNode }) {
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="notification-banner-title">
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return <Link to={to} className="govuk-back-link">{children}</Link>;
}

export function ButtonLink({ to, secondary = false, children }: { to: string; secondary?: boolean; children: ReactNode }) {
  return (
    <Link to={to} role="button" draggable={false} className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`} data-module="govuk-button">
      {children}
    </Link>
  );
}

/** Shown while a screen's data loads: announced politely, without moving focus. */
export function Loading() {
  return <p className="govuk-body" role="status">Loading…</p>;
}

/** A request that failed for a reason other than a typed error (the network, an unexpected error). */
export function ProblemBanner({ message }: { message: string }) {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body"><p className="govuk-body">{message}</p></div>
    </div>
  );
}
