// Patterns of concerns about a child (joining the dots): on the front door's home page (those not
// yet looked at) and on their own page. Each row names the child and links to their record; the
// front door says when it has looked, and the first look is kept.
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { formatDate, formatDateTime } from '../app/format.ts';
import { Table } from '../components/govuk.tsx';
import type { FragmentOf } from '../graphql.ts';
import { concernPatternOf, ConcernPatternSeenMutation, type ConcernPatternFields } from './concernPatterns.graphql.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ConcernPatternTable({ caption, rows, empty }: { caption: string; rows: ReadonlyArray<FragmentOf<typeof ConcernPatternFields>>; empty?: string }) {
  const [{ fetching }, seen] = useMutation(ConcernPatternSeenMutation);
  return (
    <Table
      id="concern-patterns"
      caption={caption}
      empty={empty}
      headings={['Child', 'Pattern', 'Found', 'Looked at']}
      rows={rows.map(concernPatternOf).map((p) => {
        const name = p.child ? `${p.child.givenName} ${p.child.familyName}` : 'A child';
        return [
          p.child ? <><Link className="govuk-link" to={`/children/${p.child.id}`}>{name}</Link><br />Born {formatDate(p.child.dateOfBirth)}</> : name,
          `${plural(p.concerns, 'concern', 'concerns')} from ${plural(p.organisations, 'organisation', 'organisations')} in ${p.windowDays} days`,
          formatDateTime(p.foundAt),
          p.seenAt
            ? `${formatDateTime(p.seenAt)}${p.seenBy ? ` by ${p.seenBy.displayName}` : ''}`
            : (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={fetching} onClick={() => void seen({ id: p.id })}>
                Mark as looked at<span className="govuk-visually-hidden"> for {name}</span>
              </button>
            ),
        ];
      })}
    />
  );
}
