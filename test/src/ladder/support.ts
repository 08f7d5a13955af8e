// Operations, people and a valid configuration shared by the escalation ladder tests.
import type { TestApp } from '../support/app.ts';

const NM = 'northmoor.example';
export const EMAIL = {
  admin: `partnership.admin@partnership.${NM}`,
  businessManager: `business.manager@partnership.${NM}`,
  dsp: `delegated.safeguarding.partner@partnership.${NM}`,
  scrutineer: `independent.scrutineer@partnership.${NM}`,
  igLead: `ig.lead@partnership.${NM}`,
  dsl: `dsl@oakfield-primary.${NM}`,
  staff: `school.staff@oakfield-primary.${NM}`,
  teamManager: `team.manager@childrens-services.${NM}`,
  headOfService: `head.of.service@childrens-services.${NM}`,
  police: `police.officer@public-protection.${NM}`,
  otherbyDsl: 'dsl@otherby-primary.otherby.example',
};

export const LADDER_FIELDS = /* GraphQL */ `
  fragment LadderFields on EscalationLadder {
    id version name current urgentPathEnabled urgentLimitHours createdBy { email }
    stages {
      position label description raiserRoles responderRoles partnershipRoles limitAmount limitClock reminderPercents
      notifyNextOnExpiry escalateAfterGraceWorkingDays alertLeadPartnersOnExpiry notifyPartnershipOnEntry final
    }
    reasonCategories { code label excluded redirectTo }
  }`;

export const LADDER = /* GraphQL */ `
  query($version: Int) { escalationLadder(version: $version) { ...LadderFields } }
  ${LADDER_FIELDS}`;

export const LADDERS = /* GraphQL */ `query { escalationLadders { version current stages { position } } }`;

export const SAVE = /* GraphQL */ `
  mutation($input: EscalationLadderSaveInput!) { escalationLadderSave(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { path field message } }
    ... on EscalationLadderSaveSuccess { ladder { ...LadderFields } } } }
  ${LADDER_FIELDS}`;

export const PREVIEW = /* GraphQL */ `
  query($limit: LadderLimitInput!, $from: DateTime) { escalationLadderPreview(stageLimit: $limit, from: $from) {
    __typename ... on ValidationError { fieldErrors { path message } }
    ... on LadderDeadlinePreview { from dueAt } } }`;

/** A ladder configuration as a client sends it (loosely typed, so tests can break it). */
export interface LadderInput {
  name: string;
  urgentPathEnabled: boolean;
  urgentLimitHours?: number | null;
  stages: Record<string, unknown>[];
  reasonCategories: Record<string, unknown>[];
}

/** A valid three-stage ladder: practitioners, then managers on a working-hours clock, then the partnership. */
export function threeStageLadder(): LadderInput {
  return {
    name: 'Resolving professional differences (revised)',
    urgentPathEnabled: true,
    urgentLimitHours: 8,
    stages: [
      {
        label: 'Practitioners',
        description: 'The raiser and the decision-maker talk it through.',
        raiserRoles: ['DSL', 'DEPUTY_DSL', 'SOCIAL_WORKER', 'POLICE_OFFICER'],
        responderRoles: ['SOCIAL_WORKER', 'MASH_WORKER', 'DSL'],
        limitAmount: 3,
        limitClock: 'WORKING_DAYS',
        reminderPercents: [50],
        escalateAfterGraceWorkingDays: 1,
      },
      {
        label: 'Managers',
        raiserRoles: ['HEADTEACHER', 'DETECTIVE_SERGEANT', 'TEAM_MANAGER'],
        responderRoles: ['TEAM_MANAGER', 'MASH_MANAGER'],
        limitAmount: 16,
        limitClock: 'WORKING_HOURS',
        notifyPartnershipOnEntry: true,
        escalateAfterGraceWorkingDays: 0,
      },
      {
        label: 'Safeguarding partnership',
        partnershipRoles: ['DELEGATED_SAFEGUARDING_PARTNER', 'BUSINESS_MANAGER'],
        limitAmount: 10,
        limitClock: 'WORKING_DAYS',
        reminderPercents: [25, 50, 75],
        alertLeadPartnersOnExpiry: true,
      },
    ],
    reasonCategories: [
      { code: 'THRESHOLD_NOT_MET', label: 'Referral judged below the threshold' },
      { code: 'PLAN_DRIFT', label: 'Drift in a plan' },
      { code: 'CP_CONFERENCE_DECISION', label: "A conference's decision", excluded: true, redirectTo: 'the conference chair' },
    ],
  };
}

/** Rows of every ladder table and the ladder audit events: what a refused save must leave alone. */
export async function ladderRowCounts(app: TestApp) {
  const { rows } = await app.sql<{ ladders: string; stages: string; categories: string; audits: string }>(`
    SELECT (SELECT count(*) FROM escalation_ladder) AS ladders,
           (SELECT count(*) FROM ladder_stage) AS stages,
           (SELECT count(*) FROM ladder_reason_category) AS categories,
           (SELECT count(*) FROM audit_event WHERE action = 'ladder.save') AS audits`);
  const row = rows[0]!;
  return { ladders: Number(row.ladders), stages: Number(row.stages), categories: Number(row.categories), audits: Number(row.audits) };
}
