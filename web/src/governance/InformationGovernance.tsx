// The information-governance lead's page: emergency accesses to review, a child's access log found
// by an identifier (or name with date of birth), a person's access log from the list of people,
// and whether the audit trail is intact. The IG lead reads no child's record: a child is shown by
// name and date of birth only, and their page is the access log.
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useClient } from 'urql';
import { formatDate } from '../app/format.ts';
import { useChildSearchForm } from '../children/ChildSearchForm.tsx';
import { ErrorSummary, Submit, fieldErrors } from '../components/form.tsx';
import { NotificationBanner, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { ResultOf } from '../graphql.ts';
import { AuditChainCheck } from './AuditChainCheck.tsx';
import { ChildIdentitySearchQuery } from './governance.graphql.ts';
import { GrantsTable } from './GrantsTable.tsx';

type Found = Extract<ResultOf<typeof ChildIdentitySearchQuery>['childIdentitySearch'], { __typename: 'ChildIdentitySearchSuccess' }>['children'];

export function InformationGovernance() {
  const location = useLocation();
  const [banner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const client = useClient();
  const [found, setFound] = useState<Found | null>(null);
  const [failed, setFailed] = useState(false);
  const { form, onSubmit, fields } = useChildSearchForm(async (input) => {
    const result = await client.query(ChildIdentitySearchQuery, { input }).toPromise();
    const search = result.data?.childIdentitySearch;
    setFailed(!search);
    if (search?.__typename === 'ValidationError') {
      setFound(null);
      return fieldErrors(search.fieldErrors);
    }
    if (search) setFound(search.children);
  });
  return (
    <>
      <ErrorSummary errors={form.errors} />
      {failed && <ProblemBanner message="The search did not work. Try again." />}
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      <Page title="Information governance" hasErrors={Object.keys(form.errors).length > 0}>
        <GrantsTable id="grants-awaiting-review" caption="Emergency access awaiting review" unreviewedOnly empty="No emergency access is waiting for review." />
        <p className="govuk-body"><Link className="govuk-link" to="/information-governance/emergency-access">All emergency access, including reviewed</Link></p>

        <section aria-labelledby="find-access-log" className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m" id="find-access-log">Find a child’s access log</h2>
          <p className="govuk-body">You see who the child is and who has accessed their record, never the record itself. Each search is recorded.</p>
          <form onSubmit={onSubmit} noValidate>
            {fields}
            <Submit busy={form.busy} secondary>Find access log</Submit>
          </form>
          {found && (found.length === 0
            ? <p className="govuk-body" role="status">No child found. Check the details, or try another way to search.</p>
            : (
              <Table
                id="children-found"
                caption={found.length === 1 ? '1 child found' : `${found.length} children found`}
                headings={['Name', 'Date of birth', 'Restricted']}
                rows={found.map((c) => [
                  <Link className="govuk-link" to={`/children/${c.id}`}>{c.givenName} {c.familyName}<span className="govuk-visually-hidden">: access log</span></Link>,
                  formatDate(c.dateOfBirth),
                  c.restricted ? <Tag colour="orange">Whole record restricted</Tag> : 'No',
                ])}
              />
            ))}
        </section>

        <section aria-labelledby="people-logs" className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m" id="people-logs">A person’s access log</h2>
          <p className="govuk-body"><Link className="govuk-link" to="/information-governance/people">Choose a person</Link> to see everything they have read or changed.</p>
        </section>

        <AuditChainCheck />
      </Page>
    </>
  );
}
