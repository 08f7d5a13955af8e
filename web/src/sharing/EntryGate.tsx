// The sharing screens of one entry load it with its sharing decisions. The entry missing (or
// unreadable) is "not found"; an entry the person reads but may not decide about (shared with
// them, say) is "no permission", at the address itself.
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { humanise } from '../app/format.ts';
import { NotFound, NotPermitted } from '../app/guards.tsx';
import { Loading, ProblemBanner, Tag } from '../components/govuk.tsx';
import type { ResultOf } from '../graphql.ts';
import { EntrySharesQuery, decisionsOf, type ShareDecision } from './sharing.graphql.ts';

export type SharedEntry = NonNullable<ResultOf<typeof EntrySharesQuery>['chronologyEntry']>;

export function EntryGate({ entryId, children }: { entryId: string; children(entry: SharedEntry, decisions: readonly ShareDecision[]): ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: EntrySharesQuery, variables: { id: entryId }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This record could not be loaded. Try again." />;
  if (!data?.chronologyEntry) return <NotFound what="Record" />;
  if (!data.entryShares) return <NotPermitted />;
  return <>{children(data.chronologyEntry, decisionsOf(data.entryShares))}</>;
}

/** Which record a sharing screen is about. */
export function EntrySummary({ entry }: { entry: SharedEntry }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{entry.summary}</p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        {humanise(entry.kind)} held by {entry.organisation.name}{entry.sensitive && <> <Tag colour="red">Sensitive</Tag></>}
      </p>
    </div>
  );
}
