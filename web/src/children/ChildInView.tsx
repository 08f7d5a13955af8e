// The child always in view: every page about a child's record says first who the child is, and
// links to their record for anyone who may open it. Someone who may not (an agency asked for
// information, a partnership officer following a disagreement) sees the identity the API gives
// them and is told plainly that they cannot open the record, never a blank.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateOfBirth } from '../app/format.ts';
import { SummaryList } from '../components/govuk.tsx';
import { readFragment, type FragmentOf } from '../graphql.ts';
import { ChildInViewFields } from './childInView.graphql.ts';

/** Identifying details without the record: an information request's subject, say. */
export interface ChildIdentity {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber?: string | null;
}

export function ChildInView({ child, identity, recordOpen = true, headingLevel = 2 }: {
  /** The child's record, or null where the API withholds it from this viewer. */
  child: FragmentOf<typeof ChildInViewFields> | null | undefined;
  /** What to show when the record is withheld. */
  identity?: ChildIdentity | null;
  /** False when the API gives the child but says the viewer cannot open their record. */
  recordOpen?: boolean;
  headingLevel?: 2 | 3;
}) {
  const record = child ? readFragment(ChildInViewFields, child) : null;
  const who: ChildIdentity | null = record ?? identity ?? null;
  const link = record && recordOpen ? `/children/${record.id}` : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = who && `${who.givenName} ${who.familyName}`;
  // Only the rows that have values: an absent UPN is not news on every page.
  const rows = (who
    ? [
        ['Child', link ? <Link className="govuk-link" to={link}>{name}</Link> : name],
        ['Date of birth', formatDateOfBirth(who.dateOfBirth)],
        ['NHS number', who.nhsNumber],
        ['UPN', record?.upn],
        ['School', record?.school?.name],
      ]
    : []) as Array<[string, ReactNode]>;
  return (
    <div className="govuk-summary-card" data-child-in-view="">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">Who this is about</Heading>
      </div>
      <div className="govuk-summary-card__content">
        {who && <SummaryList rows={rows.filter(([, value]) => value)} />}
        {!link && (
          <p className={`govuk-body govuk-!-margin-bottom-0${who ? ' govuk-!-margin-top-4' : ''}`}>
            {who ? 'You cannot open this child’s record.' : 'You cannot see who this child is or open their record.'}
          </p>
        )}
      </div>
    </div>
  );
}
