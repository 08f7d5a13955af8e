// The words of information sharing (docs/domain.md, "Information sharing"): the lawful bases and
// conditions in plain English, with the legal reference a data protection officer looks for.
import type { Option } from '../components/form.tsx';
import type { TagColour } from '../components/govuk.tsx';
import type { ShareDecision } from './sharing.graphql.ts';

/** UK GDPR Article 6, the usual basis for safeguarding first. */
export const LAWFUL_BASES: readonly Option[] = [
  { value: 'PUBLIC_TASK', label: 'Public task – Article 6(1)(e)', hint: 'Sharing is part of your organisation’s official or statutory work, such as safeguarding children. The usual basis for schools, the NHS, the police and councils.' },
  { value: 'LEGAL_OBLIGATION', label: 'Legal obligation – Article 6(1)(c)', hint: 'A law or a court order requires you to share it.' },
  { value: 'VITAL_INTERESTS', label: 'Vital interests – Article 6(1)(d)', hint: 'Someone’s life is at risk and you need to share it to protect them.' },
  { value: 'CONSENT', label: 'Consent – Article 6(1)(a)', hint: 'The person, or a parent, freely agreed to this sharing. Rarely right for safeguarding, because consent can be withdrawn.' },
  { value: 'LEGITIMATE_INTERESTS', label: 'Legitimate interests – Article 6(1)(f)', hint: 'For organisations that are not public bodies, such as a charity. Public bodies cannot use it for their official work.' },
  { value: 'CONTRACT', label: 'Contract – Article 6(1)(b)', hint: 'Needed for a contract with the person. Rarely relevant to safeguarding.' },
];

/** UK GDPR Article 9 with the Data Protection Act 2018: needed for health and other special-category information. */
export const CONDITIONS: readonly Option[] = [
  { value: 'DPA_SCH1_PARA18_SAFEGUARDING', label: 'Safeguarding children and people at risk – DPA 2018 Schedule 1 paragraph 18', hint: 'The usual condition for sharing health or other sensitive information to protect a child.' },
  { value: 'DPA_SCH1_PARA6_STATUTORY', label: 'Statutory purposes – DPA 2018 Schedule 1 paragraph 6', hint: 'Sharing is needed to carry out a duty given by law.' },
  { value: 'DPA_SCH1_PARA2_HEALTH_OR_SOCIAL_CARE', label: 'Health or social care – DPA 2018 Schedule 1 paragraph 2', hint: 'For providing health or social care, under the care of a health or social work professional.' },
  { value: 'ART9_2_H_HEALTH_OR_SOCIAL_CARE', label: 'Health or social care – UK GDPR Article 9(2)(h)', hint: 'The Article 9 condition that Schedule 1 paragraph 2 relies on.' },
  { value: 'ART9_2_C_VITAL_INTERESTS', label: 'Vital interests – UK GDPR Article 9(2)(c)', hint: 'To protect someone’s life when they cannot give consent.' },
  { value: 'DPA_SCH8_PARA4_SAFEGUARDING', label: 'Police: safeguarding children – DPA 2018 Schedule 8 paragraph 4', hint: 'For the police, when the information is held for law enforcement.' },
  { value: 'DPA_SCH8_PARA1_STATUTORY', label: 'Police: statutory purposes – DPA 2018 Schedule 8 paragraph 1', hint: 'For the police, when a law requires the sharing.' },
];
/** For a record not marked sensitive, the person may say it holds no special-category information. */
export const NO_CONDITION: Option = { value: 'NONE', label: 'None needed', hint: 'What you are sharing holds no health, sexual life, ethnicity, religion or other special-category information.' };

export const CONSENT: readonly Option[] = [
  { value: 'GIVEN', label: 'Consent was given' },
  { value: 'REFUSED', label: 'Consent was refused' },
  { value: 'NOT_SOUGHT', label: 'Consent was not sought' },
];

export const NOT_SOUGHT_REASONS: readonly Option[] = [
  { value: 'UNSAFE', label: 'Asking would put the child or someone else at risk' },
  { value: 'WOULD_PREJUDICE_PROTECTION', label: 'Asking would prejudice the child’s protection or a police investigation' },
  { value: 'CANNOT_REASONABLY_BE_OBTAINED', label: 'Consent cannot reasonably be obtained' },
];

const labelOf = (options: readonly Option[], value: string | null | undefined) => options.find((o) => o.value === value)?.label ?? null;
export const lawfulBasisLabel = (value: string | null) => labelOf(LAWFUL_BASES, value);
export const conditionLabel = (value: string | null) => labelOf([...CONDITIONS, NO_CONDITION], value);

export function consentLabel(share: Pick<ShareDecision, 'consentStatus' | 'consentNotSoughtReason' | 'consentNote'>): string | null {
  const status = labelOf(CONSENT, share.consentStatus);
  if (!status) return null;
  const reason = labelOf(NOT_SOUGHT_REASONS, share.consentNotSoughtReason);
  return [status, reason, share.consentNote].filter(Boolean).join(': ');
}

/** Where a decision stands: a share in force, withdrawn or ended, or a decision not to share. */
export function stateOf(share: Pick<ShareDecision, 'decision' | 'live' | 'revokedAt'>): { label: string; colour: TagColour } {
  if (share.decision === 'NOT_SHARE') return { label: 'Not shared', colour: 'purple' };
  if (share.live) return { label: 'Live', colour: 'green' };
  return share.revokedAt ? { label: 'Revoked', colour: 'grey' } : { label: 'Expired', colour: 'yellow' };
}

export const recipientName = (share: Pick<ShareDecision, 'recipientOrganisation' | 'recipientUser'>) =>
  share.recipientOrganisation?.name ?? share.recipientUser?.displayName ?? 'Unknown recipient';
