// Partnership configuration: the default escalation ladder (docs/domain.md's table), RAG deadlines for
// MASH information requests, closure days and the partnership's own concern categories.
import type { Prisma, Role } from '../generated/client/client.ts';
import { uuidv7 } from './random.ts';

type Tx = Prisma.TransactionClient;

/** The practitioners who raise and answer a disagreement at stage 1, on either side. */
const PRACTITIONERS: Role[] = [
  'DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF', 'POLICE_OFFICER', 'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP',
  'SOCIAL_WORKER', 'MASH_WORKER', 'EARLY_HELP_PRACTITIONER',
];
const MANAGERS: Role[] = [
  'TEAM_MANAGER', 'MASH_MANAGER', 'DETECTIVE_SERGEANT', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DSL', 'HEADTEACHER',
];
const SENIOR_MANAGERS: Role[] = [
  'HEAD_OF_SERVICE', 'DETECTIVE_INSPECTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR', 'HEADTEACHER',
  'TRUST_SAFEGUARDING_LEAD',
];
const PARTNERSHIP: Role[] = ['DELEGATED_SAFEGUARDING_PARTNER', 'BUSINESS_MANAGER'];

interface StageSpec {
  label: string;
  description: string;
  raiserRoles: Role[];
  responderRoles: Role[];
  partnershipRoles: Role[];
  limitAmount: number;
  escalateAfterGraceWorkingDays: number | null;
  notifyPartnershipOnEntry: boolean;
  alertLeadPartnersOnExpiry: boolean;
}

export const DEFAULT_STAGES: readonly StageSpec[] = [
  {
    label: 'Practitioner to practitioner',
    description:
      'The raiser and the decision-maker in the other agency. Raise within 2 working days of the decision; ' +
      'the other side responds within 3; resolve within 5.',
    raiserRoles: PRACTITIONERS,
    responderRoles: PRACTITIONERS,
    partnershipRoles: [],
    limitAmount: 5,
    escalateAfterGraceWorkingDays: 1,
    notifyPartnershipOnEntry: false,
    alertLeadPartnersOnExpiry: false,
  },
  {
    label: 'Manager to manager',
    description:
      'First-line managers: social care team or MASH manager, police Detective Sergeant, named health ' +
      'professional, DSL or headteacher. The partnership is notified on entry.',
    raiserRoles: MANAGERS,
    responderRoles: MANAGERS,
    partnershipRoles: [],
    limitAmount: 5,
    escalateAfterGraceWorkingDays: 1,
    notifyPartnershipOnEntry: true,
    alertLeadPartnersOnExpiry: false,
  },
  {
    label: 'Senior managers',
    description:
      'Head of service, police DI/DCI, designated nurse or doctor, headteacher or trust safeguarding lead.',
    raiserRoles: SENIOR_MANAGERS,
    responderRoles: SENIOR_MANAGERS,
    partnershipRoles: [],
    limitAmount: 5,
    escalateAfterGraceWorkingDays: 1,
    notifyPartnershipOnEntry: false,
    alertLeadPartnersOnExpiry: false,
  },
  {
    label: 'Safeguarding partnership',
    description:
      'Delegated safeguarding partners and the business manager; the independent scrutineer is informed. Final.',
    raiserRoles: [],
    responderRoles: [],
    partnershipRoles: PARTNERSHIP,
    limitAmount: 10,
    escalateAfterGraceWorkingDays: null,
    notifyPartnershipOnEntry: false,
    alertLeadPartnersOnExpiry: true,
  },
];

export const DEFAULT_REASONS: readonly { code: string; label: string; excluded?: boolean; redirectTo?: string }[] = [
  { code: 'THRESHOLD_NOT_MET', label: 'Referral judged below the threshold for assessment' },
  { code: 'MORE_INFORMATION_REQUESTED', label: 'Social care asked the referrer for more information before acting' },
  { code: 'CHILD_PROTECTION_PROCEDURES', label: 'Whether child protection procedures should start' },
  { code: 'POLICE_SOCIAL_CARE_ENQUIRY', label: 'Police and social care disagree on an enquiry' },
  { code: 'INFORMATION_NOT_SHARED', label: 'Information not shared' },
  { code: 'SERVICES_NOT_PROVIDED', label: 'Services not provided' },
  { code: 'ASSESSMENT_OUTCOME', label: "An assessment's outcome" },
  { code: 'PLAN_ADEQUACY', label: "A plan's adequacy" },
  { code: 'ROLES_AND_RESPONSIBILITIES', label: 'Roles and responsibilities' },
  { code: 'PLAN_DRIFT', label: 'Drift in a plan' },
  {
    code: 'CP_CONFERENCE_DECISION',
    label: "A child protection conference's decision",
    excluded: true,
    redirectTo: 'the chair of the child protection conference',
  },
];

/** Writes the default ladder as version 1, current. Returns the ladder's id. */
export async function writeDefaultLadder(tx: Tx, partnershipId: string, createdById: string | null): Promise<string> {
  const ladderId = uuidv7();
  await tx.escalationLadder.create({
    data: {
      id: ladderId,
      partnershipId,
      version: 1,
      name: 'Resolving professional differences (escalation) procedure',
      createdById,
      current: true,
    },
  });
  await tx.ladderStage.createMany({
    data: DEFAULT_STAGES.map((stage, i) => ({
      id: uuidv7(),
      partnershipId,
      ladderId,
      position: i + 1,
      label: stage.label,
      description: stage.description,
      raiserRoles: stage.raiserRoles,
      responderRoles: stage.responderRoles,
      partnershipRoles: stage.partnershipRoles,
      limitAmount: stage.limitAmount,
      limitClock: 'WORKING_DAYS' as const,
      reminderPercents: [50, 80],
      notifyNextOnExpiry: true,
      escalateAfterGraceWorkingDays: stage.escalateAfterGraceWorkingDays,
      alertLeadPartnersOnExpiry: stage.alertLeadPartnersOnExpiry,
      notifyPartnershipOnEntry: stage.notifyPartnershipOnEntry,
    })),
  });
  await tx.ladderReasonCategory.createMany({
    data: DEFAULT_REASONS.map((reason) => ({
      id: uuidv7(),
      partnershipId,
      ladderId,
      code: reason.code,
      label: reason.label,
      excluded: reason.excluded ?? false,
      redirectTo: reason.redirectTo ?? null,
    })),
  });
  return ladderId;
}

/** RED 2, AMBER 6, GREEN 24 calendar hours: one published partnership's MASH deadlines. */
export async function writeRagDeadlines(tx: Tx, partnershipId: string): Promise<void> {
  await tx.ragDeadline.createMany({
    data: [
      { id: uuidv7(), partnershipId, rag: 'RED', amount: 2, clock: 'CALENDAR_HOURS' },
      { id: uuidv7(), partnershipId, rag: 'AMBER', amount: 6, clock: 'CALENDAR_HOURS' },
      { id: uuidv7(), partnershipId, rag: 'GREEN', amount: 24, clock: 'CALENDAR_HOURS' },
    ],
  });
}

/**
 * Two closure days between Christmas and New Year (29 and 30 December) of the coming Christmas,
 * so they lie ahead of "now" and the working-day clocks meet them.
 */
export async function writeClosureDays(tx: Tx, partnershipId: string, now: Date): Promise<void> {
  const year = now.getUTCMonth() === 11 && now.getUTCDate() > 30 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  await tx.closureDay.createMany({
    data: [29, 30].map((day) => ({
      id: uuidv7(),
      partnershipId,
      date: new Date(Date.UTC(year, 11, day)),
      description: 'Council offices closed between Christmas and New Year',
    })),
  });
}

export const CUSTOM_CATEGORIES = [
  { code: 'PRIVATE_FOSTERING', label: 'Private fostering' },
  { code: 'COUNTY_LINES', label: 'County lines' },
] as const;

export async function writeCustomCategories(tx: Tx, partnershipId: string): Promise<void> {
  await tx.partnershipConcernCategory.createMany({
    data: CUSTOM_CATEGORIES.map((c) => ({ id: uuidv7(), partnershipId, code: c.code, label: c.label })),
  });
}
