import { graphql, type ResultOf } from '../graphql.ts';

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations {
    organisations(includeInactive: true) { id name agencyType externalCode leadPartner active activePeople }
  }
`);

export const OrganisationCreateMutation = graphql(`
  mutation OrganisationCreate($input: OrganisationCreateInput!) {
    organisationCreate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on OrganisationCreateSuccess { organisation { id name } }
    }
  }
`);

export const OrganisationUpdateMutation = graphql(`
  mutation OrganisationUpdate($input: OrganisationUpdateInput!) {
    organisationUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on OrganisationUpdateSuccess { organisation { id name externalCode leadPartner active activePeople } }
    }
  }
`);

export type AdminOrganisation = ResultOf<typeof AdminOrganisationsQuery>['organisations'][number];
export type AgencyType = AdminOrganisation['agencyType'];

/** Each kind of organisation's code, as organisationRules.ts checks it (the API checks again). */
export const CODES: Record<AgencyType, { label: string; hint: string; required: boolean }> = {
  SCHOOL: { label: 'URN', hint: 'The school’s Unique Reference Number: 6 digits, for example 117342', required: true },
  HEALTH: { label: 'NHS ODS code (optional)', hint: '3 to 6 letters and digits, for example RZ8 or B99123', required: false },
  POLICE: { label: 'Police force code (optional)', hint: 'The Home Office force code: 2 digits, for example 13', required: false },
  SOCIAL_CARE: { label: 'Local authority code (optional)', hint: 'The council’s 3-digit code, as in a UPN, for example 936', required: false },
  EARLY_HELP: { label: 'Local authority code (optional)', hint: 'The council’s 3-digit code, as in a UPN, for example 936', required: false },
  PARTNERSHIP: { label: 'Reference (optional)', hint: 'Up to 20 letters, digits, spaces and hyphens', required: false },
  OTHER: { label: 'Reference (optional)', hint: 'For example a charity number: up to 20 letters, digits, spaces and hyphens', required: false },
};

/** The statutory safeguarding partners: the local authority, the police, the NHS ICB. */
export const LEAD_PARTNER_TYPES: readonly AgencyType[] = ['SOCIAL_CARE', 'POLICE', 'HEALTH'];
