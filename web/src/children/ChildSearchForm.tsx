// The "find a child" form: NHS number, UPN, or name and date of birth, checked before it is sent.
// Shared by Find a child and the information-governance lead's access-log search, which send it to
// different queries. The search stays in the page, never in the address.
import type { FormEvent, ReactNode } from 'react';
import { DateInput, Radios, TextInput, emptyDate, errorsOf, isoDate, required, useForm, type Errors, type Form } from '../components/form.tsx';

export interface ChildSearchInput {
  nhsNumber?: string;
  upn?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string | null;
}

const initial = { searchBy: '', nhsNumber: '', upn: '', givenName: '', familyName: '', dateOfBirth: emptyDate };

/** The form's state, its submit handler and its fields. `search` answers problems to show, if any. */
export function useChildSearchForm(search: (input: ChildSearchInput) => Promise<Errors | void>): {
  form: Form<typeof initial>; onSubmit: (event: FormEvent) => void; fields: ReactNode;
} {
  const form = useForm(initial);
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
      const problems = await search(input);
      if (problems) form.fail(problems);
    },
  );
  const fields = (
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
  );
  return { form, onSubmit, fields };
}
