// Disagreements at a stage where the viewer acts, soonest deadline first: on the home page (the
// first 25) and on the queue's own page (all of them, 25 at a time).
import { Link } from 'react-router';
import { Due } from '../components/Due.tsx';
import { Table } from '../components/govuk.tsx';
import type { FragmentOf } from '../graphql.ts';
import { queuedDisagreementOf, type QueuedDisagreementFields } from './disagreements.graphql.ts';

export function DisagreementQueueTable({ caption, rows, empty }: {
  caption: string;
  rows: ReadonlyArray<FragmentOf<typeof QueuedDisagreementFields>>;
  empty?: string;
}) {
  return (
    <Table
      id="disagreements"
      caption={caption}
      empty={empty}
      headings={['Reference', 'Child', 'Stage', 'Stage due']}
      rows={rows.map(queuedDisagreementOf).map((d) => [
        <Link className="govuk-link" to={`/disagreements/${d.id}`}>{d.reference}</Link>,
        `${d.child.givenName} ${d.child.familyName}`,
        d.stages.find((s) => s.position === d.currentPosition)?.label ?? `Stage ${d.currentPosition}`,
        d.currentDueAt ? <Due at={d.currentDueAt} overdue={d.overdue} /> : '',
      ])}
    />
  );
}
