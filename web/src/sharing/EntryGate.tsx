// The sharing screens of one entry load it with its sharing decisions. The entry missing (or
// unreadable) is "not found"; an entry the person reads but may not decide about (shared with
// them, say) is "no permission", at the address itself.
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { humanise } from '../app/format.ts';
import { NotFound, NotPermitted } from '../app/guards.tsx';
import { ChildInView } from '../children/ChildInView.tsx';
import { ErrorSummary, type Errors } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { EntrySharesQuery, decisionsOf, type ShareDecision } from './sharing.graphql.ts';

export type SharedEntry = NonNullable<ResultOf<typeof EntrySharesQuery>['chronologyEntry']>;

/** The entry of the address (`entries/:entryId/...`), once it is known the person may decide about it. */
export function EntryGate({ children }: { children(entry: SharedEntry, decisions: readonly ShareDecision[]): ReactNode }) {
  const { entryId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: EntrySharesQuery, variables: { id: entryId }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This record could not be loaded. Try again." />;
  if (!data?.chronologyEntry) return <NotFound what="Record" />;
  if (!data.entryShares) return <NotPermitted />;
  return <>{children(data.chronologyEntry, decisionsOf(data.entryShares))}</>;
}

/** Which record a sharing screen is about. */
function EntrySummary({ entry }: { entry: SharedEntry }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{entry.summary}</p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        {humanise(entry.kind)} held by {entry.organisation.name}{entry.sensitive && <> <Tag colour="red">Sensitive</Tag></>}
      </p>
    </div>
  );
}

/** A sharing form's frame: the way back, the error summary, the title, whose record and which one. */
export function SharingForm({ entry, title, errors, problem, children }: {
  entry: SharedEntry;
  title: string;
  errors: Errors;
  /** A failure that is no field's (the network, an unexpected error). */
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/entries/${entry.id}`}>Back to the record</BackLink>
        <ErrorSummary errors={errors} />
        {problem && <ProblemBanner message={problem} />}
        <Page title={title} hasErrors={Object.keys(errors).length > 0}>
          <ChildInView child={entry.child} />
          <EntrySummary entry={entry} />
          {children}
        </Page>
      </div>
    </div>
  );
}
