import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts';

const LadderFields = graphql(`
  fragment LadderFields on EscalationLadder {
    id version name urgentPathEnabled urgentLimitHours
    reasonCategories { code label excluded redirectTo }
    stages {
      id position label description limitAmount limitClock raiserRoles responderRoles partnershipRoles reminderPercents
      notifyNextOnExpiry notifyPartnershipOnEntry escalateAfterGraceWorkingDays alertLeadPartnersOnExpiry final
    }
  }
`);

export const LadderQuery = graphql(`
  query EscalationLadder { escalationLadder { ...LadderFields } }
`, [LadderFields]);

export const LadderSaveMutation = graphql(`
  mutation EscalationLadderSave($input: EscalationLadderSaveInput!) {
    escalationLadderSave(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field path message } }
      ... on EscalationLadderSaveSuccess { ladder { ...LadderFields } }
    }
  }
`, [LadderFields]);

export const LadderPreviewQuery = graphql(`
  query EscalationLadderPreview($stageLimit: LadderLimitInput!) {
    escalationLadderPreview(stageLimit: $stageLimit) {
      __typename
      ... on LadderDeadlinePreview { dueAt }
      ... on ValidationError { message }
    }
  }
`);

export type Ladder = ResultOf<typeof LadderFields>;
export const ladderOf = (masked: FragmentOf<typeof LadderFields>): Ladder => readFragment(LadderFields, masked);
