// When a search finds no child the searcher can see, the partnership's child index may still know
// them (another agency recorded them). It shows who the child is, and nothing of their record; the
// searcher records how their agency is involved, which opens the record to them.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { formatDate, humanise } from '../app/format.ts';
import { ErrorSummary, Submit, Textarea, errorsOf, fieldErrors, useForm } from '../components/form.tsx';
import type { ResultOf } from '../graphql.ts';
import { ChildIndexQuery, ChildInvolvementRecordMutation } from './children.graphql.ts';

type Found = Extract<ResultOf<typeof ChildIndexQuery>['childIndex'], { __typename: 'ChildIndexSuccess' }>['found'];

export function KnownToThePartnership({ found }: { found: Found }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const child = found.find((f) => f.child.id === chosen)?.child;
  return (
    <>
      <h2 className="govuk-heading-m" role="status">
        {found.length === 1 ? 'The partnership knows 1 child with these details' : `The partnership knows ${found.length} children with these details`}
      </h2>
      <p className="govuk-body">
        Another agency has recorded them. You see who they are, not their record. To raise a concern, share or send a notification
        about them, first record how your agency is involved: that opens their record to you, with your agency’s own entries.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Children known to the partnership</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Name', 'Date of birth', 'Gender', ''].map((h, i) => <th scope="col" className="govuk-table__header" key={i}>{h}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {found.map(({ child: c }) => (
            <tr className="govuk-table__row" key={c.id}>
              <td className="govuk-table__cell">{c.givenName} {c.familyName}</td>
              <td className="govuk-table__cell">{formatDate(c.dateOfBirth)}</td>
              <td className="govuk-table__cell">{humanise(c.gender)}</td>
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setChosen(c.id)}>
                  Record involvement<span className="govuk-visually-hidden"> with {c.givenName} {c.familyName}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {child && <InvolvementForm key={child.id} childId={child.id} name={`${child.givenName} ${child.familyName}`} />}
    </>
  );
}

function InvolvementForm({ childId, name }: { childId: string; name: string }) {
  const navigate = useNavigate();
  const form = useForm({ summary: '' });
  const [, record] = useMutation(ChildInvolvementRecordMutation);
  const onSubmit = form.submit(
    (v) => errorsOf({ summary: v.summary.trim() ? undefined : 'Say how your agency is involved with the child' }),
    async (v) => {
      const answer = (await record({ input: { childId, summary: v.summary.trim() } })).data?.childInvolvementRecord;
      if (answer?.__typename === 'ChildInvolvementRecordSuccess') navigate(`/children/${answer.child.id}`);
      else if (answer?.__typename === 'ValidationError') form.fail(fieldErrors(answer.fieldErrors));
      else form.fail({ summary: 'Your involvement could not be recorded. Try again.' });
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="involvement-title">
      <h2 className="govuk-heading-m" id="involvement-title">Record your agency’s involvement with {name}</h2>
      <ErrorSummary errors={form.errors} />
      <Textarea name="summary" label="How is your agency involved?" hint="For example, officers attended a domestic incident at the home on 2 December."
        value={form.values.summary} onChange={(v) => form.set('summary', v)} error={form.errors.summary} />
      <Submit busy={form.busy}>Record involvement</Submit>
    </form>
  );
}
