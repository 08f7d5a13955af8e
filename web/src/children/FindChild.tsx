// Find a child by NHS number, UPN, or name and date of birth (ChildSearchForm.tsx). The search stays
// in the page, never in the address: a child's identifiers must not end up in browser history or
// server logs.
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { formatDate } from '../app/format.ts';
import type { ResultOf } from '../graphql.ts';
import { ErrorSummary, Submit, fieldErrors } from '../components/form.tsx';
import { ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ChildSearchQuery } from './children.graphql.ts';
import { useChildSearchForm } from './ChildSearchForm.tsx';

type Matches = Extract<ResultOf<typeof ChildSearchQuery>['childSearch'], { __typename: 'ChildSearchSuccess' }>['matches'];

const MATCHED_ON: Record<string, string> = { NHS_NUMBER: 'NHS number', UPN: 'UPN', NAME_AND_DATE_OF_BIRTH: 'Name and date of birth', NAME: 'Name' };

export function FindChild() {
  const client = useClient();
  const [matches, setMatches] = useState<Matches | null>(null);
  const [failed, setFailed] = useState(false);
  const { form, onSubmit, fields } = useChildSearchForm(async (input) => {
    const result = await client.query(ChildSearchQuery, { input }).toPromise();
    const search = result.data?.childSearch;
    setFailed(!search);
    if (search?.__typename === 'ValidationError') {
      setMatches(null);
      return fieldErrors(search.fieldErrors);
    }
    if (search) setMatches(search.matches);
  });
  const { errors } = form;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {failed && <ProblemBanner message="The search did not work. Try again." />}
        <Page title="Find a child" hasErrors={Object.keys(errors).length > 0}>
          <form onSubmit={onSubmit} noValidate>
            {fields}
            <Submit busy={form.busy}>Search</Submit>
          </form>
        </Page>
      </div>
      {matches && (
        <div className="govuk-grid-column-full">
          {matches.length === 0 ? (
            <p className="govuk-body" role="status">No children found that you can see. Check the details, or try another way to search.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" role="status">
                {matches.length === 1 ? '1 child found' : `${matches.length} children found`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Name', 'Date of birth', 'NHS number', 'School', 'Matched on'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {matches.map(({ child, matchedOn }) => (
                  <tr className="govuk-table__row" key={child.id}>
                    <td className="govuk-table__cell"><Link className="govuk-link" to={`/children/${child.id}`}>{child.givenName} {child.familyName}</Link></td>
                    <td className="govuk-table__cell">{formatDate(child.dateOfBirth)}</td>
                    <td className="govuk-table__cell">{child.nhsNumber ?? 'Not recorded'}</td>
                    <td className="govuk-table__cell">{child.school?.name ?? 'Not recorded'}</td>
                    <td className="govuk-table__cell">{MATCHED_ON[matchedOn] ?? matchedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
