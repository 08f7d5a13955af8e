// Who hears of what: one row per kind of event, saying in words what happened (for the feed and the
// email, never anything about the child), whether it is urgent (urgent ones go at once and cannot
// be held for a digest), and which people it goes to. Every mutation and clock transition that
// tells anyone anything calls announce() with its kind and the facts the rule needs; nothing else
// decides recipients. The person who acted is never told of their own act.
import type { DatabaseTx, Rag, Role } from '@wraparound/prisma';
import {
  encompassKeyAdults, frontDoorDeciders, leadPartnerAlertees, organisationInboxes, partnershipRoles, people, peopleAtStage, rolesAt,
  type DisagreementParties,
} from './audiences.ts';
import { notify } from './notify.ts';

type StageRoles = Parameters<typeof peopleAtStage>[2];

interface DisagreementFacts {
  disagreement: DisagreementParties & { immediateRisk: boolean; urgency: string; raisedById: string; respondingUserId: string | null };
  /** The stage it is at (for ESCALATED: the stage it has entered). */
  stage: StageRoles;
}

export interface FactsByKind {
  REFERRAL_RECEIVED: { frontDoorId: string; immediateRisk: boolean };
  REFERRAL_DECIDED: { referrerId: string; protectiveAction: boolean };
  REFERRAL_OVERDUE: { frontDoorId: string; roles: readonly Role[] };
  CONCERN_PATTERN: { frontDoorIds: string[]; roles: readonly Role[] };
  REFERRAL_STILL_UNDECIDED: { frontDoorId: string; roles: readonly Role[] };
  SHARE_RECEIVED: { organisationId: string | null; userId: string | null };
  INFORMATION_REQUEST_RECEIVED: { organisationIds: string[]; rag: Rag };
  INFORMATION_REQUEST_DUE_SOON: { organisationId: string };
  INFORMATION_REQUEST_OVERDUE: { organisationId: string; requesterId: string };
  INFORMATION_REQUEST_ANSWERED: { requesterId: string };
  ENCOMPASS_RECEIVED: { schoolId: string };
  ENCOMPASS_UNACKNOWLEDGED: { schoolId: string; roles: readonly Role[] };
  ENCOMPASS_STILL_UNACKNOWLEDGED: { policeOrganisationId: string; roles: readonly Role[] };
  DISAGREEMENT_RAISED: DisagreementFacts;
  DISAGREEMENT_RESPONDED: DisagreementFacts;
  DISAGREEMENT_ESCALATED: DisagreementFacts & { notifyPartnership: boolean };
  DISAGREEMENT_DEADLINE_APPROACHING: DisagreementFacts;
  DISAGREEMENT_OVERDUE: DisagreementFacts & { next: StageRoles | null };
  DISAGREEMENT_FINAL_STAGE_EXPIRED: Record<string, never>;
  DISAGREEMENT_RESOLVED: DisagreementFacts;
  DISAGREEMENT_WITHDRAWN: DisagreementFacts;
  BREAK_GLASS: Record<string, never>;
  ACCOUNT_LOCKED: { userId: string };
  SECOND_FACTOR_PAUSED: { userId: string };
  SECOND_FACTOR_RESET: { userId: string };
}

export type NotificationKind = keyof FactsByKind;

interface Rule<F> {
  /** Short, for a subject line or a feed heading. */
  title: string;
  /** One sentence saying what happened, with nothing about the child. */
  sentence: string;
  urgent: (facts: F) => boolean;
  audience: (tx: DatabaseTx, partnershipId: string, facts: F) => Promise<string[]>;
}

const always = () => true;
const never = () => false;
const urgentDisagreement = ({ disagreement: d }: DisagreementFacts) => d.immediateRisk || d.urgency === 'URGENT';

export const NOTIFICATION_RULES: { readonly [K in NotificationKind]: Rule<FactsByKind[K]> } = {
  REFERRAL_RECEIVED: {
    title: 'New referral',
    sentence: 'A concern has been referred to children’s social care and needs a decision within one working day.',
    urgent: (f) => f.immediateRisk,
    audience: (tx, _p, f) => frontDoorDeciders(tx, f.frontDoorId),
  },
  REFERRAL_DECIDED: {
    title: 'Referral decided',
    sentence: 'Children’s social care has recorded its decision on a referral you made.',
    urgent: (f) => f.protectiveAction,
    audience: (tx, _p, f) => people(tx, [f.referrerId]),
  },
  CONCERN_PATTERN: {
    title: 'Concerns about a child from several places',
    sentence: 'Concerns about one child have come from several organisations, or several times, in a short time. Look at them together.',
    urgent: always,
    // The roles are the partnership's (concernPatternRules), kept to those who can see patterns.
    audience: async (tx, _p, f) => (await Promise.all(f.frontDoorIds.map((id) => rolesAt(tx, id, f.roles)))).flat(),
  },
  // Missed clocks (deadlines/missedClocks.ts): the roles are the partnership's configuration, kept
  // to those who can open the record.
  REFERRAL_OVERDUE: {
    title: 'Referral decision overdue',
    sentence: 'A referral to your front door has passed its decision time without a decision.',
    urgent: always,
    audience: (tx, _p, f) => rolesAt(tx, f.frontDoorId, f.roles),
  },
  REFERRAL_STILL_UNDECIDED: {
    title: 'Referral still undecided',
    sentence: 'A referral to your front door is still undecided hours after its decision time. Make sure someone decides it now.',
    urgent: always,
    audience: (tx, _p, f) => rolesAt(tx, f.frontDoorId, f.roles),
  },
  SHARE_RECEIVED: {
    title: 'Information shared with you',
    sentence: 'Another agency has shared safeguarding information with you or your organisation.',
    urgent: never,
    audience: async (tx, _p, f) => [...(await people(tx, [f.userId])), ...(f.organisationId ? await organisationInboxes(tx, [f.organisationId]) : [])],
  },
  INFORMATION_REQUEST_RECEIVED: {
    title: 'Information request received',
    sentence: 'Your organisation has been asked what it holds about a child.',
    urgent: (f) => f.rag === 'RED',
    audience: (tx, _p, f) => organisationInboxes(tx, f.organisationIds),
  },
  INFORMATION_REQUEST_DUE_SOON: {
    title: 'Information request due soon',
    sentence: 'An information request to your organisation is approaching its deadline and has not been answered.',
    urgent: never,
    audience: (tx, _p, f) => organisationInboxes(tx, [f.organisationId]),
  },
  INFORMATION_REQUEST_OVERDUE: {
    title: 'Information request overdue',
    sentence: 'An information request has passed its deadline without an answer.',
    urgent: never,
    audience: async (tx, _p, f) => [...(await organisationInboxes(tx, [f.organisationId])), ...(await people(tx, [f.requesterId]))],
  },
  INFORMATION_REQUEST_ANSWERED: {
    title: 'Information request answered',
    sentence: 'An agency has answered an information request you made.',
    urgent: never,
    audience: (tx, _p, f) => people(tx, [f.requesterId]),
  },
  ENCOMPASS_RECEIVED: {
    title: 'Operation Encompass notification',
    sentence: 'The police have sent an Operation Encompass notification to your school. Read it before the start of the next school day.',
    urgent: always,
    audience: (tx, _p, f) => encompassKeyAdults(tx, f.schoolId),
  },
  ENCOMPASS_UNACKNOWLEDGED: {
    title: 'Operation Encompass notification not yet read',
    sentence: 'An Operation Encompass notification to your school was not acknowledged by the start of the school day. Read it now.',
    urgent: always,
    audience: (tx, _p, f) => rolesAt(tx, f.schoolId, f.roles),
  },
  ENCOMPASS_STILL_UNACKNOWLEDGED: {
    title: 'Operation Encompass notification still unacknowledged by the school',
    sentence: 'A school has still not acknowledged an Operation Encompass notification your force sent. Contact the school’s designated safeguarding lead.',
    urgent: always,
    audience: (tx, _p, f) => rolesAt(tx, f.policeOrganisationId, f.roles),
  },
  DISAGREEMENT_RAISED: {
    title: 'Disagreement raised with your agency',
    sentence: 'A professional has raised a disagreement with a decision or action of your agency.',
    urgent: urgentDisagreement,
    audience: async (tx, _p, f) => [
      ...(await peopleAtStage(tx, f.disagreement, f.stage, { responder: true, partnership: true })),
      ...(await people(tx, [f.disagreement.respondingUserId])),
    ],
  },
  DISAGREEMENT_RESPONDED: {
    title: 'Disagreement responded to',
    sentence: 'Someone has added a response to a professional disagreement you are involved in.',
    urgent: urgentDisagreement,
    audience: (tx, _p, f) => peopleAtStage(tx, f.disagreement, f.stage),
  },
  DISAGREEMENT_ESCALATED: {
    title: 'Disagreement escalated',
    sentence: 'A professional disagreement has moved up to the next stage of the escalation ladder.',
    urgent: urgentDisagreement,
    audience: async (tx, p, f) => [
      ...(await peopleAtStage(tx, f.disagreement, f.stage)),
      ...(f.notifyPartnership ? await partnershipRoles(tx, p, ['BUSINESS_MANAGER']) : []),
    ],
  },
  DISAGREEMENT_DEADLINE_APPROACHING: {
    title: 'Disagreement deadline approaching',
    sentence: 'A professional disagreement you are involved in is approaching its deadline at its current stage.',
    urgent: urgentDisagreement,
    audience: (tx, _p, f) => peopleAtStage(tx, f.disagreement, f.stage),
  },
  DISAGREEMENT_OVERDUE: {
    title: 'Disagreement overdue',
    sentence: 'A professional disagreement you are involved in has passed its deadline at its current stage.',
    urgent: always,
    audience: async (tx, _p, f) => [
      ...(await peopleAtStage(tx, f.disagreement, f.stage)),
      ...(f.next ? await peopleAtStage(tx, f.disagreement, f.next) : []),
    ],
  },
  DISAGREEMENT_FINAL_STAGE_EXPIRED: {
    title: 'Disagreement unresolved at the final stage',
    sentence: 'A professional disagreement has passed the deadline of the final stage of the escalation ladder without being resolved.',
    urgent: always,
    audience: (tx, p) => leadPartnerAlertees(tx, p),
  },
  DISAGREEMENT_RESOLVED: {
    title: 'Disagreement resolved',
    sentence: 'A professional disagreement you are involved in has been resolved. The outcome is in the child’s chronology.',
    urgent: never,
    audience: async (tx, _p, f) => [...(await peopleAtStage(tx, f.disagreement, f.stage)), ...(await people(tx, [f.disagreement.raisedById]))],
  },
  DISAGREEMENT_WITHDRAWN: {
    title: 'Disagreement withdrawn',
    sentence: 'A professional disagreement you are involved in has been withdrawn by the agency that raised it.',
    urgent: never,
    audience: (tx, _p, f) => peopleAtStage(tx, f.disagreement, f.stage),
  },
  BREAK_GLASS: {
    title: 'Emergency access used',
    sentence: 'Someone used emergency access to a child’s record. Review it as information governance lead.',
    urgent: always,
    audience: (tx, p) => partnershipRoles(tx, p, ['IG_LEAD']),
  },
  ACCOUNT_LOCKED: {
    title: 'Your account was locked',
    sentence: 'Sign-in to your account was paused after several wrong passwords. If this was not you, tell your administrator.',
    urgent: always,
    audience: (tx, _p, f) => people(tx, [f.userId]),
  },
  // Wrong codes come after a right password: whoever tried knows it.
  SECOND_FACTOR_PAUSED: {
    title: 'Your account was locked',
    sentence: 'Sign-in to your account was paused after several wrong codes from an authenticator app. If this was not you, tell your administrator at once.',
    urgent: always,
    audience: (tx, _p, f) => people(tx, [f.userId]),
  },
  SECOND_FACTOR_RESET: {
    title: 'Your sign-in code was reset',
    sentence: 'Your administrator reset the authenticator app you sign in with. You will set one up again when you next sign in. If you did not ask for this, tell your administrator.',
    urgent: always,
    audience: (tx, _p, f) => people(tx, [f.userId]),
  },
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_RULES) as NotificationKind[];

export function wordsFor(kind: string): { title: string; sentence: string } {
  const rule = (NOTIFICATION_RULES as Record<string, Rule<never> | undefined>)[kind];
  return rule ?? { title: 'New notification', sentence: 'Something has happened in Wraparound that needs your attention.' };
}

export interface EventSubject {
  partnershipId: string;
  subjectType: string;
  subjectId: string;
  /** A human reference (newReference), quoted instead of anything about the child. */
  reference: string;
  actorUserId: string | null;
  /** The change's clock. */
  at: Date;
}

/** Tells the people the rule for `kind` names, in the caller's transaction. */
export async function announce<K extends NotificationKind>(tx: DatabaseTx, kind: K, facts: FactsByKind[K], event: EventSubject) {
  const rule = NOTIFICATION_RULES[kind] as Rule<FactsByKind[K]>;
  const recipients = (await rule.audience(tx, event.partnershipId, facts)).filter((id) => id !== event.actorUserId);
  return notify(tx, { ...event, kind, urgent: rule.urgent(facts) }, recipients);
}
