// Choosing who a decision is about: an organisation of the partnership, grouped by kind of agency,
// other than the one that holds the record. (The API also takes a named person; the partnership
// has no directory of people for practitioners yet, so the screens offer organisations.)
import { useQuery } from 'urql';
import { OrganisationsQuery } from '../admin/people.graphql.ts';
import { AGENCY_LABELS } from '../app/format.ts';
import { Select } from '../components/form.tsx';

export function RecipientSelect({ label, hint, holderId, value, onChange, error }: {
  label: string;
  hint?: string;
  holderId: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}) {
  const [{ data }] = useQuery({ query: OrganisationsQuery });
  const organisations = (data?.organisations ?? []).filter((o) => o.id !== holderId);
  const groups = Object.entries(AGENCY_LABELS)
    .map(([agencyType, heading]) => ({
      label: heading,
      options: organisations.filter((o) => o.agencyType === agencyType).map((o) => ({ value: o.id, label: o.name })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <Select name="recipientOrganisationId" label={label} hint={hint} placeholder="Choose an organisation" value={value} onChange={onChange}
      error={error} groups={groups} />
  );
}
