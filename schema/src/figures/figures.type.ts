// The figures a partnership watches, as GraphQL shows them: counts, shares and durations only,
// never a child's name, id or anything else about a child.
import { AgencyTypeEnum } from '../admin/organisation.type.ts';
import { builder } from '../builder.ts';
import { DisagreementStatusEnum } from '../disagreements/disagreement.type.ts';
import {
  type AgencyPairCount, type AgencyTypeCount, type ConcernPatternFigures, type DisagreementFigures, ENCOMPASS_TIMELINESS, type EncompassFigures, type InformationRequestFigures,
  type Lateness, type PartnershipFigures, REFERRAL_TIMELINESS, REQUEST_TIMELINESS, type ReasonCount, type ReferralBacklog, type ReferralFigures,
  type StageCount, type StageShare, type StatusCount, type ThemeCount, type TimelinessNames,
} from './figures.queries.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The fields of the one rule every "in time" figure follows (figures.queries.ts, timeliness):
 * on time, done by the deadline; late, done after it or still not done after it; not yet due,
 * left out of the share. Named and described in the area's own words (`done`: "Decided",
 * `notDone`: "undecided"); `except` names what is never overdue (withdrawn requests).
 */
function timelinessFields<Row extends Lateness>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row>,
  names: TimelinessNames<Row>,
  words: { done: string; notDone: string; except?: string },
) {
  const except = words.except ? ` (${words.except} excepted)` : '';
  const count = (name: keyof Row & string, description: string) => t.int({ description, resolve: (row) => row[name] as number });
  return {
    [names.onTime]: count(names.onTime, `${words.done} by the deadline.`),
    [names.doneLate]: count(names.doneLate, `${words.done} after the deadline.`),
    [names.overdue]: count(names.overdue, `Still ${words.notDone} now, past the deadline${except}.`),
    late: count('late', `${names.doneLate} + ${names.overdue}.`),
    pendingNotYetDue: count('pendingNotYetDue', `Still ${words.notDone}, the deadline not yet passed${except}: in neither part of the share.`),
    [names.share]: t.float({
      nullable: true,
      description: `${names.onTime} / (${names.onTime} + late), 0 to 1; null when none has fallen due.`,
      resolve: (row) => row[names.share] as number | null,
    }),
  };
}

const AgencyTypeCountType = builder.objectRef<AgencyTypeCount>('AgencyTypeCount').implement({
  fields: (t) => ({
    agencyType: t.expose('agencyType', { type: AgencyTypeEnum }),
    count: t.exposeInt('count'),
  }),
});

const ReferralFiguresType = builder.objectRef<ReferralFigures>('ReferralFigures').implement({
  description:
    "Referrals to children's social care made in the period, and the front door's decisions on them. The deadline is one " +
    'working day unless the partnership sets otherwise.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    bySourceAgencyType: t.field({
      type: [AgencyTypeCountType],
      description: 'By the type of the referring agency, most first.',
      resolve: (r) => r.bySourceAgencyType,
    }),
    decided: t.exposeInt('decided', { description: 'Those the front door has decided on so far.' }),
    ...timelinessFields(t, REFERRAL_TIMELINESS, { done: 'Decided', notDone: 'undecided' }),
  }),
});

const ReferralBacklogType = builder.objectRef<ReferralBacklog>('ReferralBacklog').implement({
  description: 'Referrals waiting for a decision now, whenever they were made (not only in the period).',
  fields: (t) => ({
    awaitingDecision: t.exposeInt('awaitingDecision', { description: 'Every referral still undecided, overdue or not.' }),
    overdue: t.exposeInt('overdue', { description: 'Of those, the ones past their decision deadline.' }),
    overdueUnderOneDay: t.exposeInt('overdueUnderOneDay', { description: 'Past the deadline by less than 24 hours (calendar time).' }),
    overdueOneToSevenDays: t.exposeInt('overdueOneToSevenDays', { description: 'Past the deadline by 24 hours to 7 days, 7 days included (calendar time).' }),
    overdueOverSevenDays: t.exposeInt('overdueOverSevenDays', { description: 'Past the deadline by more than 7 days (calendar time).' }),
  }),
});

const InformationRequestFiguresType = builder.objectRef<InformationRequestFigures>('InformationRequestFigures').implement({
  description:
    'Agencies asked for information in requests made in the period (one per agency asked), and their answers. The deadline ' +
    "is the one the request's RAG rating set.",
  fields: (t) => ({
    recipientsAsked: t.exposeInt('recipientsAsked'),
    answered: t.exposeInt('answered'),
    ...timelinessFields(t, REQUEST_TIMELINESS, { done: 'Answered', notDone: 'unanswered', except: 'withdrawn requests' }),
  }),
});

const EncompassFiguresType = builder.objectRef<EncompassFigures>('EncompassFigures').implement({
  description: 'Operation Encompass notifications sent in the period. Both deadlines are the start of the school day after the incident.',
  fields: (t) => ({
    sent: t.exposeInt('sent'),
    deliveredBeforeNextSchoolDay: t.exposeInt('deliveredBeforeNextSchoolDay', { description: 'Delivered before the start of the school day after the incident.' }),
    acknowledged: t.exposeInt('acknowledged', { description: "Acknowledged by the school's DSLs so far." }),
    ...timelinessFields(t, ENCOMPASS_TIMELINESS, { done: 'Acknowledged', notDone: 'not acknowledged' }),
  }),
});

const ConcernPatternFiguresType = builder.objectRef<ConcernPatternFigures>('ConcernPatternFigures').implement({
  description: 'Joining the dots: patterns of concerns about a child found in the period (concerns from several organisations, or several concerns).',
  fields: (t) => ({
    found: t.exposeInt('found', { description: 'Patterns found, each alerting the front door once.' }),
    lookedAt: t.exposeInt('lookedAt', { description: 'Of those, the ones someone at the front door has looked at.' }),
    medianHoursToLook: t.exposeFloat('medianHoursToLook', { nullable: true, description: 'Median hours from found to first looked at; null when none was looked at.' }),
  }),
});

const ReasonCountType = builder.objectRef<ReasonCount>('DisagreementReasonCount').implement({
  fields: (t) => ({
    reasonCode: t.exposeString('reasonCode', { description: "One of the ladder's reason categories." }),
    count: t.exposeInt('count'),
  }),
});

const AgencyPairCountType = builder.objectRef<AgencyPairCount>('DisagreementAgencyPairCount').implement({
  fields: (t) => ({
    raisingAgencyType: t.expose('raisingAgencyType', { type: AgencyTypeEnum }),
    respondingAgencyType: t.expose('respondingAgencyType', { type: AgencyTypeEnum, description: 'The agency whose decision was challenged.' }),
    count: t.exposeInt('count'),
  }),
});

const StageCountType = builder.objectRef<StageCount>('DisagreementStageCount').implement({
  fields: (t) => ({
    position: t.exposeInt('position', { description: "The stage's position on its ladder, from 1." }),
    count: t.exposeInt('count'),
  }),
});

const StatusCountType = builder.objectRef<StatusCount>('DisagreementStatusCount').implement({
  fields: (t) => ({
    status: t.expose('status', { type: DisagreementStatusEnum }),
    count: t.exposeInt('count'),
  }),
});

const StageShareType = builder.objectRef<StageShare>('DisagreementStageShare').implement({
  fields: (t) => ({
    position: t.exposeInt('position', { description: "The stage's position on its ladder, from 1." }),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Of all the resolved ones, 0 to 1.' }),
  }),
});

const ThemeCountType = builder.objectRef<ThemeCount>('DisagreementThemeCount').implement({
  fields: (t) => ({
    theme: t.exposeString('theme', { description: 'As most often written; counted regardless of case and surrounding spaces.' }),
    count: t.exposeInt('count', { description: 'Resolved disagreements that named it.' }),
  }),
});

const DisagreementFiguresType = builder.objectRef<DisagreementFigures>('DisagreementFigures').implement({
  description:
    'Professional disagreements opened in the period, where they stand now, and how the resolved ones ended. ' +
    'stagesOverdueNow alone counts every open stage, whenever its disagreement was opened.',
  fields: (t) => ({
    opened: t.exposeInt('opened'),
    byReason: t.field({ type: [ReasonCountType], description: 'Most first.', resolve: (d) => d.byReason }),
    byAgencyPair: t.field({ type: [AgencyPairCountType], description: 'Raising and responding agency types, most first.', resolve: (d) => d.byAgencyPair }),
    openByCurrentStage: t.field({ type: [StageCountType], description: 'The open ones, by the stage they are at now.', resolve: (d) => d.openByCurrentStage }),
    byStatus: t.field({ type: [StatusCountType], description: 'Every status, zero included.', resolve: (d) => d.byStatus }),
    resolved: t.exposeInt('resolved'),
    resolvedAtStage: t.field({ type: [StageShareType], description: 'The resolved ones, by the stage they were resolved at.', resolve: (d) => d.resolvedAtStage }),
    shareResolvedAtStageOne: t.exposeFloat('shareResolvedAtStageOne', { nullable: true, description: '0 to 1; null when none has been resolved.' }),
    medianHoursToResolution: t.exposeFloat('medianHoursToResolution', {
      nullable: true,
      description: 'Calendar hours from opening to resolution, the median; null when none has been resolved.',
    }),
    p90HoursToResolution: t.exposeFloat('p90HoursToResolution', {
      nullable: true,
      description: 'Calendar hours from opening to resolution, the 90th percentile (interpolated); null when none has been resolved.',
    }),
    stagesOverdueNow: t.exposeInt('stagesOverdueNow', { description: 'Open stages past their deadline now, whenever their disagreement was opened.' }),
    themes: t.field({ type: [ThemeCountType], description: 'Learning themes of the resolved ones, most frequent first.', resolve: (d) => d.themes }),
    systemIssuesFound: t.exposeInt('systemIssuesFound'),
  }),
});

export const PartnershipFiguresType = builder.objectRef<PartnershipFigures>('PartnershipFigures').implement({
  description:
    'The figures a partnership watches, for its own records created in [from, to) (referralBacklog and stagesOverdueNow: ' +
    'whenever created): counts and durations only.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime', description: 'Exclusive.' }),
    asOf: t.expose('asOf', { type: 'DateTime', description: 'The moment "now" meant for overdue counts.' }),
    referrals: t.field({ type: ReferralFiguresType, resolve: (f) => f.referrals }),
    referralBacklog: t.field({ type: ReferralBacklogType, description: 'Now, whatever the period.', resolve: (f) => f.referralBacklog }),
    informationRequests: t.field({ type: InformationRequestFiguresType, resolve: (f) => f.informationRequests }),
    encompass: t.field({ type: EncompassFiguresType, resolve: (f) => f.encompass }),
    concernPatterns: t.field({ type: ConcernPatternFiguresType, resolve: (f) => f.concernPatterns }),
    disagreements: t.field({ type: DisagreementFiguresType, resolve: (f) => f.disagreements }),
  }),
});
