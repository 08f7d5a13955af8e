// The MASH asks agencies what they hold on a child: how urgent (the RAG rating sets the deadline
// from the partnership's configuration), the question, why it is needed, and which agencies.
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AGENCY_LABELS } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { useViewer } from '../auth/session.tsx';
import { Checkboxes, ErrorSummary, Radios, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { InformationRequestCreateMutation, RequestFormQuery } from './requests.graphql.ts';

export const RAG_OPTIONS = [
  { value: 'RED', label: 'Red', hint: 'Urgent: the child may be at risk of significant harm' },
  { value: 'AMBER', label: 'Amber' },
  { value: 'GREEN', label: 'Green' },
] as const;

export function RequestInformation() {
  const { childId = '' } = useParams();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: RequestFormQuery, variables: { childId } });
  const [, create] = useMutation(InformationRequestCreateMutation);
  const form = useForm({ rag: '', question: '', purpose: '', recipientOrganisationIds: [] as string[] });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This page could not be loaded. Try again." />;
  if (!data?.child) return <NotFound what="Child" />;
  const agencies = data.organisations.filter((o) => o.id !== viewer.organisation.id && o.agencyType !== 'PARTNERSHIP');

  const onSubmit = form.submit(
    (v) => errorsOf({
      rag: required(v.rag, 'Select the RAG rating'),
      question: required(v.question, 'Enter what you want to know'),
      purpose: required(v.purpose, 'Enter why you need the information'),
      recipientOrganisationIds: required(v.recipientOrganisationIds, 'Select at least one agency to ask'),
    }),
    async (v) => {
      const answer = (await create({
        input: { childId, rag: v.rag as 'RED' | 'AMBER' | 'GREEN', question: v.question, purpose: v.purpose, recipientOrganisationIds: v.recipientOrganisationIds },
      })).data?.informationRequestCreate;
      if (answer?.__typename === 'InformationRequestCreateSuccess') {
        navigate('/information-requests', { state: { banner: `Information request ${answer.request.reference} sent` } });
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ rag: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>
        <ErrorSummary errors={errors} />
        <Page title="Request information" caption={`${data.child.givenName} ${data.child.familyName}`} hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">Each agency sees the question and the purpose, answers for itself, and sees no other agency’s answer.</p>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="rag" label="RAG rating" hint="Sets the deadline for answers, as your partnership has agreed." value={values.rag}
              onChange={(v) => set('rag', v)} error={errors.rag} options={RAG_OPTIONS} />
            <Textarea name="question" label="What do you want to know?" value={values.question}
              onChange={(v) => set('question', v)} error={errors.question} />
            <Textarea name="purpose" label="Why do you need it?" hint="The agencies you ask see this." rows={3} value={values.purpose}
              onChange={(v) => set('purpose', v)} error={errors.purpose} />
            <Checkboxes name="recipientOrganisationIds" label="Which agencies do you want to ask?" value={values.recipientOrganisationIds}
              onChange={(v) => set('recipientOrganisationIds', v)} error={errors.recipientOrganisationIds}
              options={agencies.map((o) => ({ value: o.id, label: o.name, hint: AGENCY_LABELS[o.agencyType] }))} />
            <Submit busy={form.busy}>Send request</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
