// The figures a partnership watches, as SQL aggregates: one statement per area (referrals,
// information requests, Operation Encompass, disagreements), so the number of round trips is the
// same for ten records or ten million. Every statement is scoped to one partnership, and every
// period is by creation time, in [from, to). Nothing here selects a child's id or any detail about
// a child: only counts, codes and durations leave the database.
import type { AgencyType, Database, DisagreementStatus } from '@wraparound/prisma';

export interface Period {
  from: Date;
  to: Date;
}

export interface AgencyTypeCount {
  agencyType: AgencyType;
  count: number;
}

export interface ReferralFigures {
  total: number;
  bySourceAgencyType: AgencyTypeCount[];
  decided: number;
  decidedWithinTime: number;
  /** decidedWithinTime / decided; null when none was decided. */
  shareDecidedWithinOneWorkingDay: number | null;
}

export interface InformationRequestFigures {
  recipientsAsked: number;
  answered: number;
  answeredByDueTime: number;
  overdueNow: number;
}

export interface EncompassFigures {
  sent: number;
  deliveredBeforeNextSchoolDay: number;
  acknowledged: number;
}

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
  informationRequests: InformationRequestFigures;
  encompass: EncompassFigures;
  disagreements: DisagreementFigures;
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

export async function partnershipFigures(db: Database, partnershipId: string, period: Period, now: Date): Promise<PartnershipFigures> {
  const p = partnershipId;
  const { from, to } = period;

  const referrals = db.$queryRaw<[Omit<ReferralFigures, 'shareDecidedWithinOneWorkingDay'>]>`
    WITH r AS (
      SELECT r."decidedAt", r."decidedWithinTime", COALESCE(o."agencyType"::text, 'OTHER') AS agency
      FROM referral r
      LEFT JOIN organisation o ON o.id = r."fromOrganisationId" AND o."partnershipId" = r."partnershipId"
      WHERE r."partnershipId" = ${p}::uuid AND r."createdAt" >= ${from}::timestamptz AND r."createdAt" < ${to}::timestamptz
    )
    SELECT
      (SELECT count(*) FROM r)::int AS "total",
      (SELECT count(*) FROM r WHERE "decidedAt" IS NOT NULL)::int AS "decided",
      (SELECT count(*) FROM r WHERE "decidedWithinTime")::int AS "decidedWithinTime",
      COALESCE((
        SELECT json_agg(json_build_object('agencyType', agency, 'count', n) ORDER BY n DESC, agency)
        FROM (SELECT agency, count(*)::int AS n FROM r GROUP BY agency) g
      ), '[]'::json) AS "bySourceAgencyType"`;

  const requests = db.$queryRaw<[InformationRequestFigures]>`
    SELECT
      count(*)::int AS "recipientsAsked",
      count(*) FILTER (WHERE rr."respondedAt" IS NOT NULL)::int AS "answered",
      count(*) FILTER (WHERE rr."respondedAt" <= rr."dueAt")::int AS "answeredByDueTime",
      count(*) FILTER (
        WHERE rr."respondedAt" IS NULL AND rr."dueAt" < ${now}::timestamptz AND q.status <> 'WITHDRAWN'
      )::int AS "overdueNow"
    FROM information_request_recipient rr
    JOIN information_request q ON q.id = rr."requestId" AND q."partnershipId" = rr."partnershipId"
    WHERE rr."partnershipId" = ${p}::uuid AND rr."createdAt" >= ${from}::timestamptz AND rr."createdAt" < ${to}::timestamptz`;

  const encompass = db.$queryRaw<[EncompassFigures]>`
    SELECT
      count(*)::int AS "sent",
      count(*) FILTER (WHERE "deliveredAt" <= "dueBy")::int AS "deliveredBeforeNextSchoolDay",
      count(*) FILTER (WHERE "acknowledgedAt" IS NOT NULL)::int AS "acknowledged"
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

  // One snapshot for all four, so the figures agree with each other.
  const [[r], [q], [e], [d]] = await db.$transaction([referrals, requests, encompass, disagreements], { isolationLevel: 'RepeatableRead' });

  const byStatus = new Map(d.byStatus.map((s) => [s.status, s.count]));
  const atStageOne = d.resolvedAtStage.find((s) => s.position === 1)?.count ?? 0;
  return {
    from,
    to,
    asOf: now,
    referrals: { ...r, shareDecidedWithinOneWorkingDay: share(r.decidedWithinTime, r.decided) },
    informationRequests: q,
    encompass: e,
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
