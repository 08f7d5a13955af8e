// An entry in the chronology. For a concern: what was recorded, its referral to children's social
// care, and the front door's decision (the recording agency refers it; the front door decides).
// For any entry: its sharing decisions, to those who may make them.
import { useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CATEGORY_LABELS, CONCERN_STATUS_COLOURS, DECISION_LABELS, RISK_COLOURS, formatDateTime, humanise } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { can } from '../app/permissions.ts';
import { useViewer } from '../auth/session.tsx';
import { ChildInView } from '../children/ChildInView.tsx';
import { ErrorSummary, Radios, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, NotificationBanner, ProblemBanner, SummaryList, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { SharingDecisions } from '../sharing/SharingDecisions.tsx';
import { ConcernReferMutation, EntryQuery, ReferralDecideMutation } from './concerns.graphql.ts';

type Decision = VariablesOf<typeof ReferralDecideMutation>['input']['decision'];

function DecideForm({ referralId, onDecided }: { referralId: string; onDecided(): void }) {
  const [, decide] = useMutation(ReferralDecideMutation);
  const form = useForm({ decision: '', rationale: '' });
  const onSubmit = form.submit(
    (v) => errorsOf({
      decision: required(v.decision, 'Select the response'),
      rationale: required(v.rationale, 'Enter the reasons for the decision'),
    }),
    async (v) => {
      const answer = (await decide({ input: { referralId, decision: v.decision as Decision, rationale: v.rationale } })).data?.referralDecide;
      if (answer?.__typename === 'ReferralDecideSuccess') onDecided();
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ decision: answer.message });
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <h2 className="govuk-heading-m">Decide the response</h2>
      <ErrorSummary errors={form.errors} />
      <Radios name="decision" label="What is the response to this referral?" value={form.values.decision}
        onChange={(v) => form.set('decision', v)} error={form.errors.decision}
        options={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))} />
      <Textarea name="rationale" label="Reasons for the decision" hint="The referrer sees these." value={form.values.rationale}
        onChange={(v) => form.set('rationale', v)} error={form.errors.rationale} />
      <Submit busy={form.busy}>Record decision</Submit>
    </form>
  );
}

export function ConcernPage() {
  const { entryId = '' } = useParams();
  const viewer = useViewer();
  const location = useLocation();
  const [banner, setBanner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const [{ data, fetching, error }, reload] = useQuery({ query: EntryQuery, variables: { id: entryId } });
  const [referring, refer] = useMutation(ConcernReferMutation);
  const [referProblem, setReferProblem] = useState<string | null>(null);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This record could not be loaded. Try again." />;
  const entry = data?.chronologyEntry;
  if (!entry) return <NotFound what="Record" />;
  const concern = entry.concern;
  const referral = concern?.referrals[0];
  const mayRefer = concern?.status === 'OPEN' && entry.organisation.id === viewer.organisation.id && can.readRecords(viewer);

  const onRefer = async () => {
    if (!concern) return;
    const answer = (await refer({ id: concern.id })).data?.concernRefer;
    if (answer?.__typename === 'ConcernReferSuccess') {
      setBanner(`Referred to children’s social care. The front door will decide by ${formatDateTime(answer.referral.decisionDueAt)}.`);
      setReferProblem(null);
      reload();
    } else setReferProblem(answer?.message ?? 'The referral could not be made. Try again.');
  };

  return (
    <>
      <BackLink to="/">Back to what needs you now</BackLink>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      {referProblem && <ProblemBanner message={referProblem} />}
      <Page title={entry.summary} caption={concern ? `Concern ${concern.reference}` : humanise(entry.kind)}>
        <ChildInView child={entry.child} />
        {concern ? (
          <p className="govuk-body">
            <Tag colour={CONCERN_STATUS_COLOURS[concern.status]}>{humanise(concern.status)}</Tag>{' '}
            <Tag colour={RISK_COLOURS[concern.riskLevel]}>{`${humanise(concern.riskLevel)} risk`}</Tag>
          </p>
        ) : entry.sensitive && <p className="govuk-body"><Tag colour="red">Sensitive</Tag></p>}
        <SummaryList
          rows={[
            ['Happened', formatDateTime(entry.occurredAt)],
            ['Recorded', `${formatDateTime(entry.recordedAt)} by ${entry.author.displayName}, ${entry.organisation.name}`],
            ['Categories', entry.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ') || null],
            ...(concern
              ? ([
                  ['What happened', <span className="app-pre-wrap">{concern.narrative}</span>],
                  ['The child’s words', concern.childsWords],
                  ['Action taken', concern.actionTaken],
                  ['DSL told', concern.dslInformed ? 'Yes' : 'No'],
                ] as Array<[string, ReactNode]>)
              : ([['Details', entry.detail && <span className="app-pre-wrap">{entry.detail}</span>]] as Array<[string, ReactNode]>)),
            ...(referral
              ? ([
                  ['Referred', formatDateTime(referral.referredAt)],
                  ['Decision', referral.decision
                    ? DECISION_LABELS[referral.decision]
                    : <>Due by {formatDateTime(referral.decisionDueAt)} {referral.overdue && <Tag colour="red">Overdue</Tag>}</>],
                  ...(referral.decision ? [['Reasons', referral.decisionRationale], ['Decided', referral.decidedAt && formatDateTime(referral.decidedAt)]] : []),
                ] as Array<[string, string | null]>)
              : []),
          ]}
        />
        {mayRefer && (
          <>
            <p className="govuk-body">Refer this concern to children’s social care if you think the child needs their help or protection.</p>
            <button type="button" className="govuk-button" disabled={referring.fetching} onClick={() => void onRefer()}>
              Refer to children’s social care
            </button>
          </>
        )}
        {referral && !referral.decision && can.decideReferrals(viewer) && (
          <DecideForm referralId={referral.id} onDecided={() => { setBanner('Decision recorded. The referrer has been told.'); reload(); }} />
        )}
        <SharingDecisions entryId={entry.id} />
      </Page>
    </>
  );
}
