// Every referral awaiting a front-door decision that the signed-in person may see, immediate risk
// first and then the most overdue, 25 a page, with how many there are; filtered by risk, by being
// overdue and by who referred. Home shows the first page; this is the whole queue.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Checkboxes, Select } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { QueuePager, usePages } from '../components/Pager.tsx';
import { useReloadAfterReconnecting } from '../notifications/live.tsx';
import { ReferralQueueTable } from './ReferralQueueTable.tsx';
import { ReferralQueueQuery, ReferringOrganisationsQuery } from './referrals.graphql.ts';

const RISKS = [
  { value: 'IMMEDIATE', label: 'Immediate' }, { value: 'HIGH', label: 'High' }, { value: 'MEDIUM', label: 'Medium' }, { value: 'LOW', label: 'Low' },
] as const;
type Risk = (typeof RISKS)[number]['value'];
interface Filter { riskLevels: Risk[]; overdueOnly: boolean; referringOrganisationId: string }
const NO_FILTER: Filter = { riskLevels: [], overdueOnly: false, referringOrganisationId: '' };

const referrals = (n: number) => `${n} ${n === 1 ? 'referral' : 'referrals'}`;

export function ReferralQueue() {
  const pages = usePages();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const variables = {
    after: pages.after,
    filter: {
      ...(filter.riskLevels.length ? { riskLevels: filter.riskLevels } : {}),
      ...(filter.overdueOnly ? { overdueOnly: true } : {}),
      ...(filter.referringOrganisationId ? { referringOrganisationId: filter.referringOrganisationId } : {}),
    },
  };
  const [{ data, fetching, error }, reload] = useQuery({ query: ReferralQueueQuery, variables });
  const [{ data: organisations }] = useQuery({ query: ReferringOrganisationsQuery });
  useReloadAfterReconnecting(reload);
  const queue = data?.referralsAwaitingDecision;
  const filtered = filter !== NO_FILTER;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    pages.first();
    setFilter({ ...draft });
  };

  return (
    <>
      <BackLink to="/">Home</BackLink>
      <Page title="Referrals awaiting a decision">
        <p className="govuk-body">Immediate risk first, then the most overdue.</p>
        <form onSubmit={apply} noValidate aria-label="Filter referrals" className="govuk-!-margin-bottom-6">
          <Checkboxes name="riskLevels" label="Risk" options={RISKS} value={draft.riskLevels}
            onChange={(v) => setDraft({ ...draft, riskLevels: v as Risk[] })} />
          <Checkboxes name="overdueOnly" label="Decision time" options={[{ value: 'overdue', label: 'Overdue only' }]}
            value={draft.overdueOnly ? ['overdue'] : []} onChange={(v) => setDraft({ ...draft, overdueOnly: v.includes('overdue') })} />
          <Select name="referringOrganisationId" label="Referred by" placeholder="Any organisation" value={draft.referringOrganisationId}
            options={(organisations?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(v) => setDraft({ ...draft, referringOrganisationId: v })} />
          <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
        </form>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The referrals could not be loaded. Try again." />}
        {queue && (
          <>
            <p className="govuk-body" role="status">
              {filtered ? `${referrals(queue.totalCount)} ${queue.totalCount === 1 ? 'matches' : 'match'} these filters` : `${referrals(queue.totalCount)} awaiting a decision`}
              {queue.totalCount > 25 ? `, 25 a page (page ${pages.page} of ${Math.ceil(queue.totalCount / 25)})` : ''}.
            </p>
            <ReferralQueueTable caption="Referrals awaiting a decision" rows={queue.edges.map((e) => e.node)}
              empty={filtered ? 'No referral awaiting a decision matches these filters.' : 'No referral is awaiting a decision.'} />
            <QueuePager label="Referral pages" pages={pages} pageInfo={queue.pageInfo} />
          </>
        )}
      </Page>
    </>
  );
}
