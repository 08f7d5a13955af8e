// The requests the viewer's organisation has made, newest first, each with every asked agency's
// answer (or how long it has left).
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { RAG_COLOURS, formatDateTime, humanise } from '../app/format.ts';
import { Loading, NotificationBanner, ProblemBanner, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { SentRequestsQuery } from './requests.graphql.ts';

export function SentRequests() {
  const location = useLocation();
  const [banner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const [{ data, fetching, error }] = useQuery({ query: SentRequestsQuery, variables: {} });
  const requests = data?.informationRequestsSent.edges.map((e) => e.node) ?? [];

  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      <Page title="Information requests you have made">
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="Your requests could not be loaded. Try again." />}
        {data && requests.length === 0 && <p className="govuk-body">Your organisation has not made any information requests. Start one from a child’s record.</p>}
        {requests.map((r) => <RequestAnswers key={r.id} r={r} />)}
      </Page>
    </>
  );
}

type SentRequest = ResultOf<typeof SentRequestsQuery>['informationRequestsSent']['edges'][number]['node'];

/** One request the viewer's organisation made: what it asked, and each agency's answer so far. */
export function RequestAnswers({ r }: { r: SentRequest }) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`request-${r.id}`}>
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={`request-${r.id}`}>
        {r.reference}: {r.subject.givenName} {r.subject.familyName}
      </h2>
      <p className="govuk-body">
        <Tag colour={RAG_COLOURS[r.rag]}>{r.rag.toLowerCase()}</Tag> <Tag colour={r.status === 'OPEN' ? 'blue' : 'green'}>{humanise(r.status)}</Tag>{' '}
        {r.overdue && <Tag colour="red">Overdue</Tag>} Due {formatDateTime(r.dueAt)}
      </p>
      <p className="govuk-body app-pre-wrap">{r.question}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Answers to {r.reference}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Agency', 'Answer', 'Answered'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {r.recipients.map((a) => (
            <tr className="govuk-table__row" key={a.id}>
              <td className="govuk-table__cell"><Link className="govuk-link" to={`/information-requests/${a.id}`}>{a.organisation.name}</Link></td>
              <td className="govuk-table__cell app-pre-wrap">
                {a.respondedAt ? (a.nothingHeld ? 'Nothing held' : a.response) : <>Not answered yet {a.overdue && <Tag colour="red">Overdue</Tag>}</>}
              </td>
              <td className="govuk-table__cell">{a.respondedAt ? formatDateTime(a.respondedAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
