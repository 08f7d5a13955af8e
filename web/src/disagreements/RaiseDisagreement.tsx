// Raise a professional disagreement about a decision another agency made about this child. The
// first thing on the page is what to do if the child is at immediate risk: never wait on this.
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AGENCY_LABELS } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { useViewer } from '../auth/session.tsx';
import {
  DateInput, ErrorSummary, Radios, Submit, TextInput, Textarea, emptyDate, errorsOf, fieldErrors, isoDate, required, useForm,
} from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { DisagreementRaiseMutation, RaiseFormQuery } from './disagreements.graphql.ts';

export function RaiseDisagreement() {
  const { childId = '' } = useParams();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: RaiseFormQuery, variables: { childId } });
  const [, raise] = useMutation(DisagreementRaiseMutation);
  const form = useForm({
    immediateRisk: '', urgent: '', urgentReason: '', startAtStage: '', respondingOrganisationId: '', reasonCode: '', decisionChallenged: '', decisionDate: emptyDate, evidence: '', outcomeSought: '',
  });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This page could not be loaded. Try again." />;
  if (!data?.child || !data.escalationLadder) return <NotFound what="Child" />;

  // The agencies that have recorded something about this child, other than the viewer's own.
  const agencies = new Map<string, { name: string; agencyType: string }>();
  for (const { node } of data.chronology?.edges ?? []) {
    if (node.organisation.id !== viewer.organisation.id) agencies.set(node.organisation.id, node.organisation);
  }
  const ladder = data.escalationLadder;
  const reasons = ladder.reasonCategories;

  const onSubmit = form.submit(
    (v) => {
      const excluded = reasons.find((r) => r.code === v.reasonCode && r.excluded);
      return errorsOf({
        immediateRisk: required(v.immediateRisk, 'Select yes if the child is at immediate risk'),
        ...(ladder.urgentPathEnabled ? {
          urgent: required(v.urgent, 'Select yes if this is urgent'),
          urgentReason: v.urgent === 'yes' ? required(v.urgentReason, 'Enter why this is urgent') : undefined,
          startAtStage: v.urgent === 'yes' ? required(v.startAtStage, 'Select the stage to start at') : undefined,
        } : {}),
        respondingOrganisationId: required(v.respondingOrganisationId, 'Select the agency whose decision you disagree with'),
        reasonCode: excluded ? `This is not resolved on the escalation ladder: ${excluded.redirectTo ?? 'see your partnership’s procedures'}`
          : required(v.reasonCode, 'Select the reason for the disagreement'),
        decisionChallenged: required(v.decisionChallenged, 'Enter the decision you disagree with'),
        decisionDate: isoDate(v.decisionDate) ? undefined : 'Enter the date of the decision, for example 27 3 2026',
        evidence: required(v.evidence, 'Enter the evidence for your view'),
        outcomeSought: required(v.outcomeSought, 'Enter the outcome you want'),
      });
    },
    async (v) => {
      const answer = (await raise({
        input: {
          childId, respondingOrganisationId: v.respondingOrganisationId, reasonCode: v.reasonCode, immediateRisk: v.immediateRisk === 'yes',
          decisionChallenged: v.decisionChallenged, decisionDate: isoDate(v.decisionDate)!, evidence: v.evidence, outcomeSought: v.outcomeSought,
          ...(v.urgent === 'yes' ? { urgency: 'URGENT' as const, urgentReason: v.urgentReason, startAtStage: Number(v.startAtStage) } : {}),
        },
      })).data?.disagreementRaise;
      if (answer?.__typename === 'DisagreementRaiseSuccess') navigate(`/disagreements/${answer.disagreement.id}`, { state: { banner: 'Disagreement raised' } });
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ respondingOrganisationId: answer.message });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>
        <ErrorSummary errors={errors} />
        <Page title="Raise a disagreement" caption={`${data.child.givenName} ${data.child.familyName}`} hasErrors={Object.keys(errors).length > 0}>
          <WarningText>
            If the child is at immediate risk, call 999 or contact the front door now. Do not wait for a disagreement to be resolved.
          </WarningText>
          <form onSubmit={onSubmit} noValidate>
            <Radios name="immediateRisk" label="Is the child at immediate risk?" inline value={values.immediateRisk}
              onChange={(v) => set('immediateRisk', v)} error={errors.immediateRisk}
              options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
            {ladder.urgentPathEnabled && (
              // The urgent path (docs/domain.md): start at any stage, with a reason, on an hours clock.
              <Radios name="urgent" label="Does this need to go straight to a higher stage, such as senior managers?"
                hint={`An urgent disagreement can start at any stage of the ladder, and each stage then has ${ladder.urgentLimitHours} hours instead of working days.`}
                value={values.urgent} onChange={(v) => set('urgent', v)} error={errors.urgent}
                options={[{ value: 'yes', label: 'Yes, it is urgent' }, { value: 'no', label: 'No, start at stage 1' }]}
                conditional={{
                  yes: (
                    <>
                      <Textarea name="urgentReason" label="Why is it urgent?" rows={3} value={values.urgentReason}
                        onChange={(v) => set('urgentReason', v)} error={errors.urgentReason} />
                      <Radios name="startAtStage" label="Which stage should it start at?" value={values.startAtStage}
                        onChange={(v) => set('startAtStage', v)} error={errors.startAtStage}
                        options={ladder.stages.map((st) => ({ value: String(st.position), label: `Stage ${st.position}: ${st.label}` }))} />
                    </>
                  ),
                }} />
            )}
            {agencies.size === 0 ? (
              <p className="govuk-body">No other agency has recorded anything about this child that you can see.</p>
            ) : (
              <Radios name="respondingOrganisationId" label="Which agency’s decision do you disagree with?" value={values.respondingOrganisationId}
                onChange={(v) => set('respondingOrganisationId', v)} error={errors.respondingOrganisationId}
                options={[...agencies].map(([id, o]) => ({ value: id, label: o.name, hint: AGENCY_LABELS[o.agencyType] }))} />
            )}
            <Radios name="reasonCode" label="Why do you disagree?" value={values.reasonCode} onChange={(v) => set('reasonCode', v)} error={errors.reasonCode}
              options={reasons.map((r) => ({ value: r.code, label: r.label, ...(r.excluded ? { hint: `Not for this procedure: ${r.redirectTo ?? ''}` } : {}) }))} />
            <TextInput name="decisionChallenged" label="What decision do you disagree with?" value={values.decisionChallenged}
              onChange={(v) => set('decisionChallenged', v)} error={errors.decisionChallenged} />
            <DateInput name="decisionDate" label="When was the decision made?" hint="For example, 27 3 2026" value={values.decisionDate}
              onChange={(v) => set('decisionDate', v)} error={errors.decisionDate} />
            <Textarea name="evidence" label="What is the evidence for your view?" value={values.evidence}
              onChange={(v) => set('evidence', v)} error={errors.evidence} />
            <Textarea name="outcomeSought" label="What outcome do you want?" rows={3} value={values.outcomeSought}
              onChange={(v) => set('outcomeSought', v)} error={errors.outcomeSought} />
            <Submit busy={form.busy}>Raise disagreement</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
