// One agency's row of an information request: what was asked about whom, by when, and the answer.
// The asked agency answers here (what it holds, or that it holds nothing); the requester reads it.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { RAG_COLOURS, formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { useViewer } from '../auth/session.tsx';
import { ChildInView } from '../children/ChildInView.tsx';
import { ErrorSummary, Radios, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, NotificationBanner, ProblemBanner, SummaryList, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { InformationRequestRespondMutation, RecipientQuery } from './requests.graphql.ts';

function AnswerForm({ recipientId, onAnswered }: { recipientId: string; onAnswered(): void }) {
  const [, respond] = useMutation(InformationRequestRespondMutation);
  const form = useForm({ nothingHeld: '', response: '' });
  const { values, errors, set } = form;
  const onSubmit = form.submit(
    (v) => errorsOf({
      nothingHeld: required(v.nothingHeld, 'Select whether your organisation holds information about the child'),
      response: v.nothingHeld === 'no' ? required(v.response, 'Enter what your organisation holds') : undefined,
    }),
    async (v) => {
      const nothingHeld = v.nothingHeld === 'yes';
      const answer = (await respond({ input: { recipientId, nothingHeld, response: v.response.trim() || null } })).data?.informationRequestRespond;
      if (answer?.__typename === 'InformationRequestRespondSuccess') onAnswered();
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ nothingHeld: answer.message });
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="answer-title">
      <h2 className="govuk-heading-m" id="answer-title">Your organisation’s answer</h2>
      <ErrorSummary errors={errors} />
      <Radios name="nothingHeld" label="Does your organisation hold nothing about this child?" inline value={values.nothingHeld}
        onChange={(v) => set('nothingHeld', v)} error={errors.nothingHeld}
        options={[{ value: 'yes', label: 'We hold nothing' }, { value: 'no', label: 'We hold information' }]} />
      <Textarea name="response" label="What your organisation holds" hint="Share what is necessary, proportionate and relevant to the purpose. Only the requester sees it."
        value={values.response} onChange={(v) => set('response', v)} error={errors.response} />
      <Submit busy={form.busy}>Send answer</Submit>
    </form>
  );
}

export function AnswerRequest() {
  const { recipientId = '' } = useParams();
  const viewer = useViewer();
  const [banner, setBanner] = useState<string | null>(null);
  const [{ data, fetching, error }, reload] = useQuery({ query: RecipientQuery, variables: { id: recipientId } });

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This request could not be loaded. Try again." />;
  const row = data?.informationRequestRecipient;
  if (!row) return <NotFound what="Information request" />;
  const { request } = row;
  const mayAnswer = !row.respondedAt && request.status === 'OPEN' && row.organisation.id === viewer.organisation.id;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/">Back to what needs you now</BackLink>
        {banner && <NotificationBanner success>{banner}</NotificationBanner>}
        <Page title={`Information request ${request.reference}`} caption={request.requestingOrganisation.name}>
          <p className="govuk-body">
            <Tag colour={RAG_COLOURS[request.rag]}>{request.rag.toLowerCase()}</Tag> {row.overdue && <Tag colour="red">Overdue</Tag>}
          </p>
          {/* An asked agency often may not open the record: it gets the details the requester sent. */}
          <ChildInView child={request.child} identity={request.subject} />
          <SummaryList
            rows={[
              ['Question', <span className="app-pre-wrap">{request.question}</span>],
              ['Purpose', request.purpose],
              ['Asked', formatDateTime(request.createdAt)],
              ['Answer due', formatDateTime(row.dueAt)],
              ['Agency asked', row.organisation.name],
              ...(row.respondedAt
                ? ([
                    ['Answered', formatDateTime(row.respondedAt)],
                    ['Answer', row.nothingHeld ? 'Nothing held' : <span className="app-pre-wrap">{row.response}</span>],
                  ] as Array<[string, React.ReactNode]>)
                : []),
            ]}
          />
          {mayAnswer && <AnswerForm recipientId={row.id} onAnswered={() => { setBanner('Answer sent to the requester'); reload(); }} />}
        </Page>
      </div>
    </div>
  );
}
