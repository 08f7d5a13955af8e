// How dates, enums and statuses read to people, in one place.
import type { TagColour } from '../components/govuk.tsx';

const LONDON = 'Europe/London';

export const formatDate = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });

/** Whole years from a date of birth (YYYY-MM-DD) to today in London: a birthday counts from its morning. */
export function ageInYears(dateOfBirth: string, now = new Date()): number {
  const [year, month, day] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = now.toLocaleDateString('en-CA', { timeZone: LONDON }).split('-').map(Number) as [number, number, number];
  return y - year - (m < month || (m === month && d < day) ? 1 : 0);
}

/** "4 May 2016 (9 years old)": the date and the age together, so nobody works it out. */
export function formatDateOfBirth(dateOfBirth: string, now = new Date()): string {
  const age = ageInYears(dateOfBirth, now);
  return `${formatDate(dateOfBirth)} (${age < 1 ? 'under 1 year old' : age === 1 ? '1 year old' : `${age} years old`})`;
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON });

/** SOME_ENUM_VALUE as "Some enum value", for values without a label of their own. */
export const humanise = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

export const CATEGORY_LABELS: Record<string, string> = {
  PHYSICAL_ABUSE: 'Physical abuse', EMOTIONAL_ABUSE: 'Emotional abuse', SEXUAL_ABUSE: 'Sexual abuse', NEGLECT: 'Neglect',
  DOMESTIC_ABUSE: 'Domestic abuse', CHILD_SEXUAL_EXPLOITATION: 'Child sexual exploitation', CHILD_CRIMINAL_EXPLOITATION: 'Child criminal exploitation',
  RADICALISATION: 'Radicalisation', FGM: 'Female genital mutilation (FGM)', ONLINE_SAFETY: 'Online safety', MENTAL_HEALTH: 'Mental health',
  SELF_HARM: 'Self-harm', MISSING_FROM_EDUCATION: 'Missing from education', MISSING_FROM_HOME: 'Missing from home', OTHER: 'Other',
};

export const DECISION_LABELS: Record<string, string> = {
  NO_FURTHER_ACTION: 'No further action',
  ADVICE_OR_SIGNPOSTING: 'Advice or signposting',
  EARLY_HELP: 'Early help',
  SECTION_17_ASSESSMENT: 'Assessment under section 17 (child in need)',
  STRATEGY_DISCUSSION_SECTION_47: 'Strategy discussion (section 47 enquiries)',
  IMMEDIATE_PROTECTIVE_ACTION: 'Immediate protective action',
};

export const AGENCY_LABELS: Record<string, string> = {
  SCHOOL: 'School', POLICE: 'Police', HEALTH: 'Health', SOCIAL_CARE: 'Children’s social care', EARLY_HELP: 'Early help', PARTNERSHIP: 'Partnership', OTHER: 'Other',
};

export const STATUS_LABELS: Record<string, string> = {
  CHILD_PROTECTION_PLAN: 'Child protection plan', CHILD_IN_NEED: 'Child in need', LOOKED_AFTER: 'Looked after',
};

export const RISK_COLOURS: Record<string, TagColour> = { LOW: 'green', MEDIUM: 'yellow', HIGH: 'orange', IMMEDIATE: 'red' };
export const RAG_COLOURS: Record<string, TagColour> = { RED: 'red', AMBER: 'orange', GREEN: 'green' };
export const CONCERN_STATUS_COLOURS: Record<string, TagColour> = { OPEN: 'blue', REFERRED: 'purple', DECIDED: 'green', CLOSED: 'grey' };
export const DISAGREEMENT_STATUS_COLOURS: Record<string, TagColour> = { OPEN: 'blue', RESOLVED: 'green', WITHDRAWN: 'grey' };
