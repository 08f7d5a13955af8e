// Find a child by NHS number, UPN, or name and date of birth. The search stays in the page, never
// in the address: a child's identifiers must not end up in browser history or server logs.
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { formatDate } from '../app/format.ts';
import type { ResultOf } from '../graphql.ts';
import {
  DateInput, ErrorSummary, Radios, Submit, TextInput, emptyDate, errorsOf, fieldErrors, isoDate, required, useForm,
} from '../components/form.tsx';
import { ProblemBanner } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { ChildSearchQuery } from './children.graphql.ts';

type Matches = Extract<ResultOf<typeof ChildSearchQuery>['childSearch'], { __typename: 'ChildSearchSuccess' }>['matches'];

const MATCHED_ON: Record<string, string> = { NHS_NUMBER: 'NHS number', UPN: 'UPN', NAME_AND_DATE_OF_BIRTH: 'Name and date of birth', NAME: 'Name' };

export function FindChild() {
  const client = useClient();
  const form = useForm({ searchBy: '', nhsNumber: '', upn: '', givenName: '', familyName: '', dateOfBirth: emptyDate });
  const [matches, setMatches] = useState<Matches | null>(null);
  const [failed, setFailed] = useState(false);
  const { values, errors, set } = form;

  const onSubmit = form.submit(
    (v) => {
      if (v.searchBy === 'NHS') return errorsOf({ nhsNumber: required(v.nhsNumber, 'Enter an NHS number') });
      if (v.searchBy === 'UPN') return errorsOf({ upn: required(v.upn, 'Enter a UPN') });
      if (v.searchBy === 'NAME') {
        return errorsOf({
          givenName: required(v.givenName, 'Enter the child’s first name'),
          familyName: required(v.familyName, 'Enter the child’s last name'),
          dateOfBirth: isoDate(v.dateOfBirth) ? undefined : 'Enter the child’s date of birth, for example 27 3 2016',
        });
      }
      return { searchBy: 'Select how you want to find the child' };
    },
    async (v) => {
      const input =
        v.searchBy === 'NHS' ? { nhsNumber: v.nhsNumber.trim() }
        : v.searchBy === 'UPN' ? { upn: v.upn.trim() }
        : { givenName: v.givenName.trim(), familyName: v.familyName.trim(), dateOfBirth: isoDate(v.dateOfBirth) };
      const result = await client.query(ChildSearchQuery, { input }).toPromise();
      const search = result.data?.childSearch;
      setFailed(!search);
      if (search?.__typename === 'ValidationError') {
        form.fail(fieldErrors(search.fieldErrors));
        setMatches(null);
      } else if (search) {
        setMatches(search.matches);
      }
    },
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {failed && <ProblemBanner message="The search did not work. Try again." />}
        <Page title="Find a child" hasErrors={Object.keys(errors).length > 0}>
          <form onSubmit={onSubmit} noValidate>
            <Radios
              name="searchBy" label="How do you want to find the child?" value={values.searchBy} error={errors.searchBy}
              onChange={(v) => set('searchBy', v)}
              options={[
                { value: 'NHS', label: 'NHS number' },
                { value: 'UPN', label: 'Unique pupil number (UPN)' },
                { value: 'NAME', label: 'Name and date of birth' },
              ]}
              conditional={{
                NHS: <TextInput name="nhsNumber" label="NHS number" hint="10 digits, for example 943 476 5919" width={10} inputMode="numeric"
                  value={values.nhsNumber} onChange={(v) => set('nhsNumber', v)} error={errors.nhsNumber} />,
                UPN: <TextInput name="upn" label="UPN" hint="13 characters, for example B801200005001" width={20} spellCheck={false}
                  value={values.upn} onChange={(v) => set('upn', v)} error={errors.upn} />,
                NAME: (
                  <>
                    <TextInput name="givenName" label="First name" value={values.givenName} onChange={(v) => set('givenName', v)} error={errors.givenName} spellCheck={false} />
                    <TextInput name="familyName" label="Last name" value={values.familyName} onChange={(v) => set('familyName', v)} error={errors.familyName} spellCheck={false} />
                    <DateInput name="dateOfBirth" label="Date of birth" hint="For example, 27 3 2016" value={values.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={errors.dateOfBirth} />
                  </>
                ),
              }}
            />
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
