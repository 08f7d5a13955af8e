// One information request, where a notification about it leads: an asked agency goes straight on
// to its own row (to answer, or to see its answer); the organisation that asked reads every
// agency's answer so far.
import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFound } from '../app/guards.tsx';
import { useViewer } from '../auth/session.tsx';
import { ChildInView } from '../children/ChildInView.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { InformationRequestQuery } from './requests.graphql.ts';
import { RequestAnswers } from './SentRequests.tsx';

export function InformationRequestPage() {
  const { requestId = '' } = useParams();
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: InformationRequestQuery, variables: { id: requestId } });

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This information request could not be loaded. Try again." />;
  const request = data?.informationRequest;
  if (!request) return <NotFound what="Information request" />;
  const ownRow = request.recipients.find((r) => r.organisation.id === viewer.organisation.id);
  if (ownRow && request.requestingOrganisation.id !== viewer.organisation.id) return <Navigate replace to={`/information-requests/${ownRow.id}`} />;
  return (
    <>
      <BackLink to="/information-requests">All the requests you have made</BackLink>
      <Page title={`Information request ${request.reference}`}>
        <ChildInView child={request.child} identity={request.subject} />
        <RequestAnswers r={request} />
      </Page>
    </>
  );
}
