// The figures a partnership watches, as SQL aggregates: one statement per area (referrals,
// information requests, Operation Encompass, disagreements), so the number of round trips is the
// same for ten records or ten million. Every statement is scoped to one partnership, and every
// period is by creation time, in [from, to); what is waiting now (the referral backlog, overdue
// ladder stages) is counted whenever it began. Nothing here selects a child's id or any detail
// about a child: only counts, codes and durations leave the database.
import { type AgencyType, type Database, type DisagreementStatus, Prisma } from '@wraparound/prisma';

export interface Period {
  from: Date;
  to: Date;
}

export interface AgencyTypeCount {
  agencyType: AgencyType;
  count: number;
}

/** What every "done in time" figure counts besides its own on-time, done-late and overdue counts (see `timeliness`). */
export interface Lateness {
  /** Done after the deadline, or not done and past it now. */
  late: number;
  /** Not done, and the deadline not yet passed: left out of the share, as it can still go either way. */
  pendingNotYetDue: number;
}

export interface ReferralFigures extends Lateness {
  total: number;
  bySourceAgencyType: AgencyTypeCount[];
  decided: number;
  decidedWithinTime: number;
  decidedLate: number;
  undecidedOverdue: number;
  /** decidedWithinTime / (decidedWithinTime + late); null when none has fallen due. */
  shareDecidedWithinTime: number | null;
}

/** Every referral of the partnership waiting for a decision now, whenever it was made. */
export interface ReferralBacklog {
  awaitingDecision: number;
  overdue: number;
  /** Past the decision deadline by less than 24 hours. */
  overdueUnderOneDay: number;
  /** By 24 hours up to 7 days (7 days included). */
  overdueOneToSevenDays: number;
  /** By more than 7 days. */
  overdueOverSevenDays: number;
}

export interface InformationRequestFigures extends Lateness {
  recipientsAsked: number;
  answered: number;
  answeredByDueTime: number;
  answeredLate: number;
  overdueNow: number;
  /** answeredByDueTime / (answeredByDueTime + late); null when none has fallen due. */
  shareAnsweredByDueTime: number | null;
}

export interface EncompassFigures extends Lateness {
  sent: number;
  deliveredBeforeNextSchoolDay: number;
  acknowledged: number;
  acknowledgedBeforeNextSchoolDay: number;
  acknowledgedLate: number;
  unacknowledgedOverdue: number;
  /** acknowledgedBeforeNextSchoolDay / (acknowledgedBeforeNextSchoolDay + late); null when none has fallen due. */
  shareAcknowledgedBeforeNextSchoolDay: number | null;
}

/** An area's own names for the counts and the share of the one timeliness rule (see `timeliness`). */
export interface TimelinessNames<Row> {
  /** Done by the deadline. */
  onTime: keyof Row & string;
  /** Done after it. */
  doneLate: keyof Row & string;
  /** Not done, and past it now. */
  overdue: keyof Row & string;
  /** onTime / (onTime + late). */
  share: keyof Row & string;
}

export const REFERRAL_TIMELINESS = {
  onTime: 'decidedWithinTime', doneLate: 'decidedLate', overdue: 'undecidedOverdue', share: 'shareDecidedWithinTime',
} as const satisfies TimelinessNames<ReferralFigures>;
export const REQUEST_TIMELINESS = {
  onTime: 'answeredByDueTime', doneLate: 'answeredLate', overdue: 'overdueNow', share: 'shareAnsweredByDueTime',
} as const satisfies TimelinessNames<InformationRequestFigures>;
export const ENCOMPASS_TIMELINESS = {
  onTime: 'acknowledgedBeforeNextSchoolDay', doneLate: 'acknowledgedLate', overdue: 'unacknowledgedOverdue', share: 'shareAcknowledgedBeforeNextSchoolDay',
} as const satisfies TimelinessNames<EncompassFigures>;

export interface ReasonCount {
  reasonCode: string;
  count: number;
}

export interface AgencyPairCount {
  raisingAgencyType: AgencyType;
  respondingAgencyType: AgencyType;
  count: number;
}

export interface StageCount {
  position: number;
  count: number;
}

export interface StatusCount {
  status: DisagreementStatus;
  count: number;
}

export interface StageShare extends StageCount {
  share: number;
}

export interface ThemeCount {
  theme: string;
  count: number;
}

export interface DisagreementFigures {
  opened: number;
  byReason: ReasonCount[];
  byAgencyPair: AgencyPairCount[];
  openByCurrentStage: StageCount[];
  byStatus: StatusCount[];
  resolved: number;
  resolvedAtStage: StageShare[];
  shareResolvedAtStageOne: number | null;
  medianHoursToResolution: number | null;
  p90HoursToResolution: number | null;
  stagesOverdueNow: number;
  themes: ThemeCount[];
  systemIssuesFound: number;
}

export interface PartnershipFigures {
  from: Date;
  to: Date;
  asOf: Date;
  referrals: ReferralFigures;
  referralBacklog: ReferralBacklog;
  informationRequests: InformationRequestFigures;
  encompass: EncompassFigures;
  disagreements: DisagreementFigures;
  concernPatterns: ConcernPatternFigures;
}

/** Joining the dots: patterns of concerns found in the period, and how soon the front door looked. */
export interface ConcernPatternFigures {
  found: number;
  lookedAt: number;
  /** Median hours from found to first looked at, of those looked at; null when none was. */
  medianHoursToLook: number | null;
}

const STATUSES: readonly DisagreementStatus[] = ['OPEN', 'RESOLVED', 'WITHDRAWN'];

/** A share of a whole, rounded to four places; null when the whole is empty. */
function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Hours rounded to two places (36 seconds); null stays null. */
function hours(value: number | null): number | null {
  return value === null ? null : Math.round(Number(value) * 100) / 100;
}

/**
 * The one rule every "done in time" figure follows, as select items: on time, done by the
 * deadline; late, done after it or not done and past it now; pending, not done and not yet due.
 * Counting the undone-and-overdue as late is the point: leaving them out would make a service
 * that does nothing look punctual. `open` says what can still be done (a withdrawn request cannot
 * be answered, so it is neither late nor pending). The names are the area's own.
 */
function timeliness<Row>(
  names: TimelinessNames<Row>,
  { doneAt, dueAt, onTime = Prisma.sql`${doneAt} <= ${dueAt}`, open = Prisma.sql`TRUE` }: { doneAt: Prisma.Sql; dueAt: Prisma.Sql; onTime?: Prisma.Sql; open?: Prisma.Sql },
  now: Date,
): Prisma.Sql {
  const as = (name: string) => Prisma.raw(`"${name}"`);
  const doneLate = Prisma.sql`(${doneAt} IS NOT NULL AND NOT (${onTime}))`;
  const overdue = Prisma.sql`(${doneAt} IS NULL AND ${open} AND ${dueAt} < ${now}::timestamptz)`;
  return Prisma.sql`
      count(*) FILTER (WHERE ${onTime})::int AS ${as(names.onTime)},
      count(*) FILTER (WHERE ${doneLate})::int AS ${as(names.doneLate)},
      count(*) FILTER (WHERE ${overdue})::int AS ${as(names.overdue)},
      count(*) FILTER (WHERE ${doneLate} OR ${overdue})::int AS "late",
      count(*) FILTER (WHERE ${doneAt} IS NULL AND ${open} AND ${dueAt} >= ${now}::timestamptz)::int AS "pendingNotYetDue"`;
}

/** The row with its share done on time: out of on time and late, the not-yet-due left out. */
function withShare<Row extends Lateness, Names extends TimelinessNames<Row>>(row: Omit<Row, Names['share']>, names: Names): Row {
  const counts = row as unknown as Lateness & Record<string, number>;
  const onTime = counts[names.onTime]!;
  return { ...row, [names.share]: share(onTime, onTime + counts.late) } as unknown as Row;
}

export async function partnershipFigures(db: Database, partnershipId: string, period: Period, now: Date): Promise<PartnershipFigures> {
  const p = partnershipId;
  const { from, to } = period;

  type ReferralRow = Omit<ReferralFigures, 'shareDecidedWithinTime'> & { backlog: ReferralBacklog };
  // On time is the flag kept when the decision was recorded (decided by decisionDueAt). The backlog
  // is now, not the period: every referral still waiting, and how long past its deadline in
  // calendar time (weekends and bank holidays count: the child waits through them too).
  const referrals = db.$queryRaw<[ReferralRow]>`
    WITH r AS (
      SELECT r."decidedAt", r."decisionDueAt", r."decidedWithinTime", COALESCE(o."agencyType"::text, 'OTHER') AS agency
      FROM referral r
      LEFT JOIN organisation o ON o.id = r."fromOrganisationId" AND o."partnershipId" = r."partnershipId"
      WHERE r."partnershipId" = ${p}::uuid AND r."createdAt" >= ${from}::timestamptz AND r."createdAt" < ${to}::timestamptz
    ),
    waiting AS (
      SELECT ${now}::timestamptz - "decisionDueAt" AS "overdueBy"
      FROM referral
      WHERE "partnershipId" = ${p}::uuid AND "decidedAt" IS NULL
    )
    SELECT
      count(*)::int AS "total",
      count("decidedAt")::int AS "decided",
      ${timeliness(
        REFERRAL_TIMELINESS,
        { doneAt: Prisma.raw('"decidedAt"'), dueAt: Prisma.raw('"decisionDueAt"'), onTime: Prisma.raw('"decidedWithinTime"') },
        now,
      )},
      COALESCE((
        SELECT json_agg(json_build_object('agencyType', agency, 'count', n) ORDER BY n DESC, agency)
        FROM (SELECT agency, count(*)::int AS n FROM r GROUP BY agency) g
      ), '[]'::json) AS "bySourceAgencyType",
      (
        SELECT json_build_object(
          'awaitingDecision', count(*),
          'overdue', count(*) FILTER (WHERE "overdueBy" > interval '0'),
          'overdueUnderOneDay', count(*) FILTER (WHERE "overdueBy" > interval '0' AND "overdueBy" < interval '1 day'),
          'overdueOneToSevenDays', count(*) FILTER (WHERE "overdueBy" >= interval '1 day' AND "overdueBy" <= interval '7 days'),
          'overdueOverSevenDays', count(*) FILTER (WHERE "overdueBy" > interval '7 days')
        ) FROM waiting
      ) AS "backlog"
    FROM r`;

  const requests = db.$queryRaw<[Omit<InformationRequestFigures, 'shareAnsweredByDueTime'>]>`
    SELECT
      count(*)::int AS "recipientsAsked",
      count(rr."respondedAt")::int AS "answered",
      ${timeliness(
        REQUEST_TIMELINESS,
        { doneAt: Prisma.raw('rr."respondedAt"'), dueAt: Prisma.raw('rr."dueAt"'), open: Prisma.sql`q.status <> 'WITHDRAWN'` },
        now,
      )}
    FROM information_request_recipient rr
    JOIN information_request q ON q.id = rr."requestId" AND q."partnershipId" = rr."partnershipId"
    WHERE rr."partnershipId" = ${p}::uuid AND rr."createdAt" >= ${from}::timestamptz AND rr."createdAt" < ${to}::timestamptz`;

  // dueBy is the start of the next school day after the incident, for delivery and acknowledgement alike.
  const encompass = db.$queryRaw<[Omit<EncompassFigures, 'shareAcknowledgedBeforeNextSchoolDay'>]>`
    SELECT
      count(*)::int AS "sent",
      count(*) FILTER (WHERE "deliveredAt" <= "dueBy")::int AS "deliveredBeforeNextSchoolDay",
      count("acknowledgedAt")::int AS "acknowledged",
      ${timeliness(
        ENCOMPASS_TIMELINESS,
        { doneAt: Prisma.raw('"acknowledgedAt"'), dueAt: Prisma.raw('"dueBy"') },
        now,
      )}
    FROM encompass_notification
    WHERE "partnershipId" = ${p}::uuid AND "createdAt" >= ${from}::timestamptz AND "createdAt" < ${to}::timestamptz`;

  type DisagreementRow = Omit<DisagreementFigures, 'byStatus' | 'resolvedAtStage' | 'shareResolvedAtStageOne' | 'medianHoursToResolution' | 'p90HoursToResolution'> & {
    byStatus: StatusCount[];
    resolvedAtStage: StageCount[];
    medianHours: number | null;
    p90Hours: number | null;
  };
  // Themes are free text: counted case- and space-insensitively, each disagreement once per
  // theme, and shown in the spelling most often used.
  const disagreements = db.$queryRaw<[DisagreementRow]>`
    WITH d AS (
      SELECT d.id, d."reasonCode", d.status::text AS status, d."currentPosition", d."resolvedAtPosition",
             d."systemIssueFound", d.themes,
             COALESCE(ra."agencyType"::text, 'OTHER') AS raising, COALESCE(rs."agencyType"::text, 'OTHER') AS responding,
             EXTRACT(EPOCH FROM (d."resolvedAt" - d."createdAt"))::float8 / 3600.0 AS hours
      FROM disagreement d
      LEFT JOIN organisation ra ON ra.id = d."raisingOrganisationId" AND ra."partnershipId" = d."partnershipId"
      LEFT JOIN organisation rs ON rs.id = d."respondingOrganisationId" AND rs."partnershipId" = d."partnershipId"
      WHERE d."partnershipId" = ${p}::uuid AND d."createdAt" >= ${from}::timestamptz AND d."createdAt" < ${to}::timestamptz
    ),
    resolved AS (SELECT * FROM d WHERE status = 'RESOLVED')
    SELECT
      (SELECT count(*) FROM d)::int AS "opened",
      COALESCE((
        SELECT json_agg(json_build_object('reasonCode', "reasonCode", 'count', n) ORDER BY n DESC, "reasonCode")
        FROM (SELECT "reasonCode", count(*)::int AS n FROM d GROUP BY "reasonCode") g
      ), '[]'::json) AS "byReason",
      COALESCE((
        SELECT json_agg(json_build_object('raisingAgencyType', raising, 'respondingAgencyType', responding, 'count', n)
                        ORDER BY n DESC, raising, responding)
        FROM (SELECT raising, responding, count(*)::int AS n FROM d GROUP BY raising, responding) g
      ), '[]'::json) AS "byAgencyPair",
      COALESCE((
        SELECT json_agg(json_build_object('position', "currentPosition", 'count', n) ORDER BY "currentPosition")
        FROM (SELECT "currentPosition", count(*)::int AS n FROM d WHERE status = 'OPEN' GROUP BY "currentPosition") g
      ), '[]'::json) AS "openByCurrentStage",
      COALESCE((
        SELECT json_agg(json_build_object('status', status, 'count', n))
        FROM (SELECT status, count(*)::int AS n FROM d GROUP BY status) g
      ), '[]'::json) AS "byStatus",
      (SELECT count(*) FROM resolved)::int AS "resolved",
      COALESCE((
        SELECT json_agg(json_build_object('position', "resolvedAtPosition", 'count', n) ORDER BY "resolvedAtPosition")
        FROM (SELECT "resolvedAtPosition", count(*)::int AS n FROM resolved GROUP BY "resolvedAtPosition") g
      ), '[]'::json) AS "resolvedAtStage",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM resolved) AS "medianHours",
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FROM resolved) AS "p90Hours",
      (
        SELECT count(*) FROM disagreement_stage s
        WHERE s."partnershipId" = ${p}::uuid AND s."exitedAt" IS NULL AND s."dueAt" < ${now}::timestamptz
      )::int AS "stagesOverdueNow",
      COALESCE((
        SELECT json_agg(json_build_object('theme', label, 'count', n) ORDER BY n DESC, label)
        FROM (
          SELECT mode() WITHIN GROUP (ORDER BY btrim(theme)) AS label, count(DISTINCT resolved.id)::int AS n
          FROM resolved, unnest(resolved.themes) AS theme
          WHERE btrim(theme) <> ''
          GROUP BY lower(btrim(theme))
        ) g
      ), '[]'::json) AS "themes",
      (SELECT count(*) FROM d WHERE "systemIssueFound")::int AS "systemIssuesFound"`;

  const patterns = db.$queryRaw<[ConcernPatternFigures]>`
    SELECT
      count(*)::int AS "found",
      count(*) FILTER (WHERE "seenAt" IS NOT NULL)::int AS "lookedAt",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("seenAt" - "foundAt")) / 3600.0)
        FILTER (WHERE "seenAt" IS NOT NULL) AS "medianHoursToLook"
    FROM concern_pattern
    WHERE "partnershipId" = ${p}::uuid AND "foundAt" >= ${from}::timestamptz AND "foundAt" < ${to}::timestamptz`;

  // One snapshot for all of them, so the figures agree with each other.
  const [[r], [q], [e], [d], [c]] = await db.$transaction([referrals, requests, encompass, disagreements, patterns], { isolationLevel: 'RepeatableRead' });

  const { backlog, ...referral } = r;
  const byStatus = new Map(d.byStatus.map((s) => [s.status, s.count]));
  const atStageOne = d.resolvedAtStage.find((s) => s.position === 1)?.count ?? 0;
  return {
    from,
    to,
    asOf: now,
    referrals: withShare(referral, REFERRAL_TIMELINESS),
    referralBacklog: backlog,
    informationRequests: withShare(q, REQUEST_TIMELINESS),
    encompass: withShare(e, ENCOMPASS_TIMELINESS),
    concernPatterns: { ...c, medianHoursToLook: hours(c.medianHoursToLook) },
    disagreements: {
      opened: d.opened,
      byReason: d.byReason,
      byAgencyPair: d.byAgencyPair,
      openByCurrentStage: d.openByCurrentStage,
      byStatus: STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      resolved: d.resolved,
      resolvedAtStage: d.resolvedAtStage.map((s) => ({ ...s, share: share(s.count, d.resolved) ?? 0 })),
      shareResolvedAtStageOne: share(atStageOne, d.resolved),
      medianHoursToResolution: hours(d.medianHours),
      p90HoursToResolution: hours(d.p90Hours),
      stagesOverdueNow: d.stagesOverdueNow,
      themes: d.themes,
      systemIssuesFound: d.systemIssuesFound,
    },
  };
}
