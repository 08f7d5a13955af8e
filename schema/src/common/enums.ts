// The data model's enums, registered once under the same names in GraphQL.
import { ClockKind, LadderSide } from '@wraparound/prisma';
import {
  ChildStatusKind, ConcernCategory, ConcernStatus, ConsentNotSoughtReason, ConsentStatus, EntryKind,
  FrontDoorDecision, InformationRequestStatus, LawfulBasis, Rag, RiskLevel, ShareDecision, SpecialCategoryCondition,
} from '@wraparound/prisma';
import { builder } from '../builder.ts';

export const ConcernCategoryEnum = builder.enumType(ConcernCategory, { name: 'ConcernCategory' });
export const ConcernStatusEnum = builder.enumType(ConcernStatus, { name: 'ConcernStatus' });
export const RiskLevelEnum = builder.enumType(RiskLevel, { name: 'RiskLevel' });
export const EntryKindEnum = builder.enumType(EntryKind, { name: 'EntryKind' });
export const FrontDoorDecisionEnum = builder.enumType(FrontDoorDecision, { name: 'FrontDoorDecision' });
export const ChildStatusKindEnum = builder.enumType(ChildStatusKind, { name: 'ChildStatusKind' });
export const ShareDecisionEnum = builder.enumType(ShareDecision, { name: 'ShareDecision' });
export const LawfulBasisEnum = builder.enumType(LawfulBasis, {
  name: 'LawfulBasis',
  description: 'UK GDPR Article 6 lawful basis. Safeguarding shares are usually PUBLIC_TASK.',
});
export const SpecialCategoryConditionEnum = builder.enumType(SpecialCategoryCondition, {
  name: 'SpecialCategoryCondition',
  description: 'UK GDPR Article 9 condition for special-category data (DPA 2018 Schedule 1, or Schedule 8 for police processing).',
});
export const ConsentStatusEnum = builder.enumType(ConsentStatus, { name: 'ConsentStatus' });
export const ConsentNotSoughtReasonEnum = builder.enumType(ConsentNotSoughtReason, { name: 'ConsentNotSoughtReason' });
export const RagEnum = builder.enumType(Rag, {
  name: 'Rag',
  description: "An information request's urgency: red, amber or green, each with a deadline the partnership sets.",
});
export const InformationRequestStatusEnum = builder.enumType(InformationRequestStatus, { name: 'InformationRequestStatus' });
export const ClockKindEnum = builder.enumType(ClockKind, {
  name: 'ClockKind',
  description: 'How a time limit is counted: plain hours, office hours on working days, or working days (to close of business).',
});
export const LadderSideEnum = builder.enumType(LadderSide, {
  name: 'LadderSide',
  description: "A side of a disagreement: the raiser's agency, the agency whose decision is challenged, or the partnership.",
});
