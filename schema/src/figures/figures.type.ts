// The figures a partnership watches, as GraphQL shows them: counts, shares and durations only,
// never a child's name, id or anything else about a child.
import { AgencyTypeEnum } from '../admin/organisation.type.ts';
import { builder } from '../builder.ts';
import { DisagreementStatusEnum } from '../disagreements/disagreement.type.ts';
import type {
  AgencyPairCount, AgencyTypeCount, DisagreementFigures, EncompassFigures, InformationRequestFigures, PartnershipFigures,
  ReasonCount, ReferralFigures, StageCount, StageShare, StatusCount, ThemeCount,
} from './figures.queries.ts';

const AgencyTypeCountType = builder.objectRef<AgencyTypeCount>('AgencyTypeCount').implement({
  fields: (t) => ({
    agencyType: t.expose('agencyType', { type: AgencyTypeEnum }),
    count: t.exposeInt('count'),
  }),
});

const ReferralFiguresType = builder.objectRef<ReferralFigures>('ReferralFigures').implement({
  description: "Referrals to children's social care made in the period, and the front door's decisions on them.",
  fields: (t) => ({
    total: t.exposeInt('total'),
    bySourceAgencyType: t.field({
      type: [AgencyTypeCountType],
      description: 'By the type of the referring agency, most first.',
      resolve: (r) => r.bySourceAgencyType,
    }),
    decided: t.exposeInt('decided', { description: 'Those the front door has decided on so far.' }),
    decidedWithinTime: t.exposeInt('decidedWithinTime', { description: 'Those decided by their decision deadline (one working day unless the partnership sets otherwise).' }),
    shareDecidedWithinOneWorkingDay: t.exposeFloat('shareDecidedWithinOneWorkingDay', {
      nullable: true,
      description: 'decidedWithinTime / decided, 0 to 1; null when none has been decided.',
    }),
  }),
});

const InformationRequestFiguresType = builder.objectRef<InformationRequestFigures>('InformationRequestFigures').implement({
  description: 'Agencies asked for information in requests made in the period (one per agency asked), and their answers.',
  fields: (t) => ({
    recipientsAsked: t.exposeInt('recipientsAsked'),
    answered: t.exposeInt('answered'),
    answeredByDueTime: t.exposeInt('answeredByDueTime', { description: 'Answered by the deadline their RAG rating set.' }),
    overdueNow: t.exposeInt('overdueNow', { description: 'Still unanswered and past their deadline now (withdrawn requests excepted).' }),
  }),
});

const EncompassFiguresType = builder.objectRef<EncompassFigures>('EncompassFigures').implement({
  description: 'Operation Encompass notifications sent in the period.',
  fields: (t) => ({
    sent: t.exposeInt('sent'),
    deliveredBeforeNextSchoolDay: t.exposeInt('deliveredBeforeNextSchoolDay', { description: 'Delivered before the start of the school day after the incident.' }),
    acknowledged: t.exposeInt('acknowledged', { description: "Acknowledged by the school's DSLs so far." }),
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
  description: "The figures a partnership watches, for its own records created in [from, to): counts and durations only.",
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime', description: 'Exclusive.' }),
    asOf: t.expose('asOf', { type: 'DateTime', description: 'The moment "now" meant for overdue counts.' }),
    referrals: t.field({ type: ReferralFiguresType, resolve: (f) => f.referrals }),
    informationRequests: t.field({ type: InformationRequestFiguresType, resolve: (f) => f.informationRequests }),
    encompass: t.field({ type: EncompassFiguresType, resolve: (f) => f.encompass }),
    disagreements: t.field({ type: DisagreementFiguresType, resolve: (f) => f.disagreements }),
  }),
});
