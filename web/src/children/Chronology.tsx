// A child's multi-agency chronology, newest first: every entry the viewer may see, filtered by
// agency, ten at a time with "Load more" (cursor pagination: each loaded page is its own query).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AGENCY_LABELS, CATEGORY_LABELS, CONCERN_STATUS_COLOURS, formatDateTime, humanise } from '../app/format.ts';
import { Checkboxes } from '../components/form.tsx';
import { Loading, Tag } from '../components/govuk.tsx';
import type { VariablesOf } from '../graphql.ts';
import { ChronologyQuery } from './children.graphql.ts';

type Filter = NonNullable<VariablesOf<typeof ChronologyQuery>['filter']>;
type AgencyType = NonNullable<Filter['agencyTypes']>[number];
const AGENCIES: AgencyType[] = ['SCHOOL', 'POLICE', 'HEALTH', 'SOCIAL_CARE', 'EARLY_HELP', 'PARTNERSHIP'];

function ChronologyPage({ childId, after, filter, last, onMore }: { childId: string; after: string | null; filter: Filter; last: boolean; onMore(cursor: string): void }) {
  const [{ data, fetching, error }] = useQuery({ query: ChronologyQuery, variables: { childId, after, filter } });
  if (fetching && !data) return <li><Loading /></li>;
  if (error || !data?.chronology) return <li><p className="govuk-body">The chronology could not be loaded.</p></li>;
  const { edges, pageInfo } = data.chronology;
  return (
    <>
      {after === null && edges.length === 0 && <li><p className="govuk-body">No entries that you can see.</p></li>}
      {edges.map(({ node: entry }) => (
        <li className="app-timeline__item" key={entry.id}>
          <h3 className="govuk-heading-s app-timeline__title">
            <Link className="govuk-link" to={`/entries/${entry.id}`}>{entry.summary}</Link>
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {formatDateTime(entry.occurredAt)} · {entry.organisation.name} ({AGENCY_LABELS[entry.organisation.agencyType]}) · {humanise(entry.kind)} · {entry.author.displayName}
          </p>
          <p className="govuk-body-s">
            {entry.categories.map((c) => <span key={c}><Tag colour="grey">{CATEGORY_LABELS[c] ?? c}</Tag> </span>)}
            {entry.concern && <Tag colour={CONCERN_STATUS_COLOURS[entry.concern.status]}>{humanise(entry.concern.status)}</Tag>}{' '}
            {entry.backdated && <Tag colour="yellow">Recorded {formatDateTime(entry.recordedAt)}</Tag>}
          </p>
        </li>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onMore(pageInfo.endCursor!)}>
            Load more entries
          </button>
        </li>
      )}
    </>
  );
}

export function Chronology({ childId }: { childId: string }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState<Filter>({});
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(chosen.length ? { agencyTypes: chosen as AgencyType[] } : {});
    setCursors([null]);
  };

  return (
    <section aria-labelledby="chronology-heading">
      <h2 className="govuk-heading-m" id="chronology-heading">Chronology</h2>
      <div className="govuk-grid-row">
        <form className="govuk-grid-column-one-quarter app-chronology-filters" onSubmit={apply}>
          <Checkboxes name="agencyTypes" label="Agency" value={chosen} onChange={setChosen}
            options={AGENCIES.map((a) => ({ value: a, label: AGENCY_LABELS[a]! }))} />
          <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
        </form>
        <div className="govuk-grid-column-three-quarters">
          <ol className="govuk-list app-timeline">
            {cursors.map((after, i) => (
              <ChronologyPage key={`${JSON.stringify(filter)} ${after}`} childId={childId} after={after} filter={filter}
                last={i === cursors.length - 1} onMore={(cursor) => setCursors((c) => [...c, cursor])} />
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
