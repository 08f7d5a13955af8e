// "Break the glass": emergency access to a restricted record, for a limited time, with a reason
// the information-governance lead reads. The warning comes first; the API decides who may and
// checks the reason (at least 20 characters).
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { ErrorSummary, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, WarningText } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { BreakGlassMutation, EmergencyAccessNoticeQuery } from './governance.graphql.ts';

export function EmergencyAccess() {
  const { childId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: EmergencyAccessNoticeQuery, variables: { childId } });
  const [, breakGlass] = useMutation(BreakGlassMutation);
  const form = useForm({ reason: '' });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This page could not be loaded. Try again." />;
  const notice = data?.restrictionNotice;
  if (!notice) return <NotFound what="Child" />;
  const back = <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>;
  if (notice.emergencyAccessUntil || (!notice.wholeRecord && notice.restrictedEntries === 0)) {
    return (
      <>
        {back}
        <Page title="Emergency access">
          <p className="govuk-body">
            {notice.emergencyAccessUntil
              ? `You already have emergency access to this record until ${formatDateTime(notice.emergencyAccessUntil)}.`
              : 'Nothing about this child is restricted from you: you do not need emergency access.'}
          </p>
        </Page>
      </>
    );
  }

  const onSubmit = form.submit(
    (v) => errorsOf({ reason: required(v.reason, 'Explain the emergency') }),
    async (v) => {
      const answer = (await breakGlass({ input: { childId, reason: v.reason } })).data?.breakGlass;
      if (answer?.__typename === 'BreakGlassSuccess') {
        navigate(`/children/${childId}`, {
          state: { banner: `Emergency access given until ${formatDateTime(answer.grant.expiresAt)}` },
        });
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ reason: answer.message });
      else form.fail({ reason: 'Emergency access could not be given. Try again.' });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {back}
        <ErrorSummary errors={errors} />
        <Page title="Emergency access" caption={notice.wholeRecord ? 'A restricted record' : 'Restricted entries'} hasErrors={Object.keys(errors).length > 0}>
          <p className="govuk-body">
            {notice.wholeRecord
              ? 'This child’s record is restricted to named people.'
              : `${notice.restrictedEntries === 1 ? '1 entry' : `${notice.restrictedEntries} entries`} about this child ${notice.restrictedEntries === 1 ? 'is' : 'are'} restricted to named people.`}
            {' '}Use emergency access only when a child may be at risk and you cannot wait for one of them.
          </p>
          <WarningText>
            The information-governance lead is told at once and will review your reason. Everything you open is recorded in the
            child’s access log. Access ends automatically after the time your partnership has set.
          </WarningText>
          <form onSubmit={onSubmit} noValidate>
            <Textarea name="reason" label="What is the emergency?"
              hint="At least 20 characters. Say why you need the record now. The information-governance lead reads this."
              value={values.reason} onChange={(v) => set('reason', v)} error={errors.reason} rows={4} />
            <Submit busy={form.busy} warning>Use emergency access</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
