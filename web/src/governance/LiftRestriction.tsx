// Lift a restriction, with the reason: for a person named on it who could have made it.
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { ErrorSummary, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { RestrictionToLiftQuery, RestrictionLiftMutation } from './governance.graphql.ts';

export function LiftRestriction() {
  const { childId = '', restrictionId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: RestrictionToLiftQuery, variables: { childId } });
  const [, lift] = useMutation(RestrictionLiftMutation);
  const form = useForm({ reason: '' });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This restriction could not be loaded. Try again." />;
  const restriction = data?.restrictions.find((r) => r.id === restrictionId);
  if (!restriction) return <NotFound what="Restriction" />;

  const onSubmit = form.submit(
    (v) => errorsOf({ reason: required(v.reason, 'Give the reason for lifting the restriction') }),
    async (v) => {
      const answer = (await lift({ id: restriction.id, reason: v.reason })).data?.restrictionLift;
      if (answer?.__typename === 'RestrictionLiftSuccess') {
        navigate(`/children/${childId}`, { state: { banner: 'Restriction lifted: the record is shown again to everyone whose role lets them see it' } });
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors.map((e) => (e.field === 'id' ? { ...e, field: 'reason' } : e))));
      else if (answer) form.fail({ reason: answer.message });
      else form.fail({ reason: 'The restriction could not be lifted. Try again.' });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${childId}`}>Back to the child’s record</BackLink>
        <ErrorSummary errors={errors} />
        <Page title="Lift the restriction" hasErrors={Object.keys(errors).length > 0}>
          <SummaryList rows={[
            ['What', restriction.childId ? 'The child’s whole record' : 'One entry'],
            ['Reason it was restricted', <span className="app-pre-wrap">{restriction.reason}</span>],
            ['Who may see it now', restriction.members.map((m) => m.displayName).join(', ')],
            ['Restricted by', `${restriction.createdBy.displayName}, ${formatDateTime(restriction.createdAt)}`],
          ]} />
          <form onSubmit={onSubmit} noValidate>
            <Textarea name="reason" label="Why are you lifting it?" hint="Kept in the audit trail." rows={3}
              value={values.reason} onChange={(v) => set('reason', v)} error={errors.reason} />
            <Submit busy={form.busy}>Lift restriction</Submit>
          </form>
        </Page>
      </div>
    </div>
  );
}
