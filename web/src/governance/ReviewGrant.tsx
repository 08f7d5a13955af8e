// The IG lead reviews one emergency access: who broke the glass, on which child, why and for how
// long, and what they then read (the child's access log). The outcome is recorded once.
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDate, formatDateTime } from '../app/format.ts';
import { NotFound } from '../app/guards.tsx';
import { ErrorSummary, Submit, Textarea, errorsOf, fieldErrors, required, useForm } from '../components/form.tsx';
import { BackLink, Loading, ProblemBanner, SummaryList } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { BreakGlassGrantQuery, BreakGlassReviewMutation, GrantChildQuery, grantOf } from './governance.graphql.ts';
import { grantStatus } from './GrantsTable.tsx';

export function ReviewGrant() {
  const { grantId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: BreakGlassGrantQuery, variables: { id: grantId } });
  const grant = data?.breakGlassGrant ? grantOf(data.breakGlassGrant) : null;
  const [child] = useQuery({ query: GrantChildQuery, variables: { id: grant?.childId ?? '' }, pause: !grant });
  const [, review] = useMutation(BreakGlassReviewMutation);
  const form = useForm({ outcome: '' });
  const { values, errors, set } = form;

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="This emergency access could not be loaded. Try again." />;
  if (!grant) return <NotFound what="Emergency access" />;
  const identity = child.data?.childIdentity;

  const onSubmit = form.submit(
    (v) => errorsOf({ outcome: required(v.outcome, 'Record the outcome of the review') }),
    async (v) => {
      const answer = (await review({ id: grant.id, outcome: v.outcome })).data?.breakGlassReview;
      if (answer?.__typename === 'BreakGlassReviewSuccess') {
        navigate('/information-governance', { state: { banner: `Review of ${grant.user.displayName}’s emergency access recorded` } });
      } else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else if (answer) form.fail({ outcome: answer.message });
      else form.fail({ outcome: 'The review could not be recorded. Try again.' });
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/information-governance">Information governance</BackLink>
        <ErrorSummary errors={errors} />
        <Page title={grant.reviewedAt ? 'Emergency access' : 'Review emergency access'} caption={grant.user.displayName} hasErrors={Object.keys(errors).length > 0}>
          <SummaryList rows={[
            ['Who', `${grant.user.displayName}${grant.user.jobTitle ? `, ${grant.user.jobTitle}` : ''}, ${grant.user.organisation.name}`],
            ['Child', identity
              ? <><Link className="govuk-link" to={`/children/${identity.id}`}>{identity.givenName} {identity.familyName}</Link> (born {formatDate(identity.dateOfBirth)}): see what was read in their access log</>
              : child.fetching ? 'Loading…' : 'Not found'],
            ['Reason given', <span className="app-pre-wrap">{grant.reason}</span>],
            ['Started', formatDateTime(grant.grantedAt)],
            [grant.live ? 'Ends' : 'Ended', formatDateTime(grant.expiresAt)],
            ['Status', grantStatus(grant)],
            ...(grant.reviewedAt
              ? [
                  ['Outcome of the review', <span className="app-pre-wrap">{grant.reviewOutcome}</span>],
                  ['Reviewed', `${formatDateTime(grant.reviewedAt)} by ${grant.reviewedBy?.displayName ?? 'someone no longer in the partnership'}`],
                ] as Array<[string, ReactNode]>
              : []),
          ]} />
          {!grant.reviewedAt && (
            <form onSubmit={onSubmit} noValidate>
              <Textarea name="outcome" label="Outcome of your review"
                hint="Was the access justified and proportionate? Note any follow-up, for example a conversation with their manager. The outcome is kept with the record and cannot be changed."
                value={values.outcome} onChange={(v) => set('outcome', v)} error={errors.outcome} />
              <Submit busy={form.busy}>Record review</Submit>
            </form>
          )}
        </Page>
      </div>
    </div>
  );
}
