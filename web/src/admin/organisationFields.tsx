// The fields adding and changing an organisation share: its name, the code its sector knows it by
// (named for its kind: a school's URN, an NHS ODS code...) and, for the kinds of agency that can be
// one, whether it is a statutory safeguarding partner.
import { Checkboxes, TextInput, type Errors } from '../components/form.tsx';
import { CODES, LEAD_PARTNER_TYPES, type AgencyType } from './organisations.graphql.ts';

export type OrganisationValues = { name: string; externalCode: string; leadPartner: boolean };

export function OrganisationFields({ agencyType, values, errors, set }: {
  agencyType: AgencyType | null;
  values: OrganisationValues;
  errors: Errors;
  set<K extends keyof OrganisationValues>(name: K, value: OrganisationValues[K]): void;
}) {
  return (
    <>
      <TextInput name="name" label="Name" hint="As the organisation calls itself, for example Oakfield Primary School" value={values.name}
        onChange={(v) => set('name', v)} error={errors.name} />
      {agencyType && (
        <TextInput name="externalCode" label={CODES[agencyType].label} hint={CODES[agencyType].hint} width={10} spellCheck={false}
          value={values.externalCode} onChange={(v) => set('externalCode', v)} error={errors.externalCode} />
      )}
      {agencyType && LEAD_PARTNER_TYPES.includes(agencyType) && (
        <Checkboxes name="leadPartner" label="Statutory safeguarding partner"
          hint="The local authority, the police and the NHS integrated care board are the partnership’s lead partners: they are alerted when the final stage of a disagreement runs out of time."
          value={values.leadPartner ? ['yes'] : []} onChange={(v) => set('leadPartner', v.includes('yes'))} error={errors.leadPartner}
          options={[{ value: 'yes', label: 'This organisation is a lead partner' }]} />
      )}
    </>
  );
}
