// Referrals awaiting a front-door decision, immediate risk first and then the most overdue: on the
// home page (the first page, with how many there are) and on the queue's own page.
import { Link } from 'react-router';
import { formatDate, RISK_COLOURS } from '../app/format.ts';
import { Due } from '../components/Due.tsx';
import { Table, Tag } from '../components/govuk.tsx';
import { queuedReferralOf, type QueuedReferralFields } from './referrals.graphql.ts';
import type { FragmentOf } from '../graphql.ts';

export function ReferralQueueTable({ caption, rows, empty }: {
  caption: string;
  rows: ReadonlyArray<FragmentOf<typeof QueuedReferralFields>>;
  empty?: string;
}) {
  return (
    <Table
      id="referrals"
      caption={caption}
      empty={empty}
      headings={['Reference', 'Child', 'Referred by', 'Risk', 'Decision due']}
      rows={rows.map(queuedReferralOf).map((r) => [
        <Link className="govuk-link" to={`/entries/${r.concern.entry.id}`}>{r.concern.reference}</Link>,
        r.child
          ? <><Link className="govuk-link" to={`/children/${r.child.id}`}>{r.child.givenName} {r.child.familyName}</Link><br />Born {formatDate(r.child.dateOfBirth)}</>
          : 'Not yours to see',
        r.referringOrganisation.name,
        <Tag colour={RISK_COLOURS[r.concern.riskLevel]}>{r.concern.riskLevel.toLowerCase()}</Tag>,
        <Due at={r.decisionDueAt} overdue={r.overdue} />,
      ])}
    />
  );
}
