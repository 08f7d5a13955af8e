// Find a child by NHS number, UPN, or name and date of birth (ChildSearchForm.tsx). The search stays
// in the page, never in the address: a child's identifiers must not end up in browser history or
// server logs. When nobody the searcher can see matches, the partnership's child index is asked
// with the same exact details (KnownToThePartnership.tsx); when it knows nobody either, the child can
// be registered.
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { formatDate } from '../app/format.ts';
import type { ResultOf } from '../graphql.ts';
import { ErrorSummary, Submit, fieldErrors } from '../components/form.tsx';
import { ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ChildIndexQuery, ChildSearchQuery } from './children.graphql.ts';
import { useChildSearchForm, type ChildSearchInput } from './ChildSearchForm.tsx';
import { KnownToThePartnership } from './KnownToThePartnership.tsx';

type Matches = Extract<ResultOf<typeof ChildSearchQuery>['childSearch'], { __typename: 'ChildSearchSuccess' }>['matches'];
type Indexed = Extract<ResultOf<typeof ChildIndexQuery>['childIndex'], { __typename: 'ChildIndexSuccess' }>['found'];

/** The index takes exact details only: the identifier, or the family name with the date of birth. */
const indexInput = (input: ChildSearchInput) =>
  input.nhsNumber ? { nhsNumber: input.nhsNumber } : input.upn ? { upn: input.upn } : { familyName: input.familyName, dateOfBirth: input.dateOfBirth };

const MATCHED_ON: Record<string, string> = { NHS_NUMBER: 'NHS number', UPN: 'UPN', NAME_AND_DATE_OF_BIRTH: 'Name and date of birth', NAME: 'Name' };

export function FindChild() {
  const client = useClient();
  const [matches, setMatches] = useState<Matches | null>(null);
  const [indexed, setIndexed] = useState<Indexed>([]);
  const [failed, setFailed] = useState(false);
  const { form, onSubmit, fields } = useChildSearchForm(async (input) => {
    const result = await client.query(ChildSearchQuery, { input }, { requestPolicy: 'network-only' }).toPromise();
    const search = result.data?.childSearch;
    setFailed(!search);
    setIndexed([]);
    if (search?.__typename === 'ValidationError') {
      setMatches(null);
      return fieldErrors(search.fieldErrors);
    }
    if (search?.matches.length === 0) {
      const index = (await client.query(ChildIndexQuery, { input: indexInput(input) }, { requestPolicy: 'network-only' }).toPromise()).data?.childIndex;
      if (index?.__typename === 'ChildIndexSuccess') setIndexed(index.found.filter((f) => !f.recordOpen));
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
          {matches.length === 0 && indexed.length > 0 && <KnownToThePartnership found={indexed} />}
          {matches.length === 0 && indexed.length === 0 && (
            <>
              <p className="govuk-body" role="status">No children found that you can see. Check the details, or try another way to search.</p>
              <p className="govuk-body">If the partnership does not know the child yet, <Link className="govuk-link" to="/children/new">register them</Link>.</p>
            </>
          )}
          {matches.length > 0 && (
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
