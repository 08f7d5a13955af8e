// Does the generated data pass the product's own rules? Identifiers by the product's check-digit
// functions, every disagreement's stage history against the product's calendar, the clock rows
// against the stages, and the audit chain by the database's own verifier. Returns the problems
// found (empty when all is well), a few examples of each.
import { isValidNhsNumber, isValidUpn } from '@wraparound/prisma/identifiers';
import { DEFAULT_CALENDAR, addCalendarHours, addWorkingDays, deadlineFor } from '@wraparound/schema/calendar';
import type pg from 'pg';

const CHECKS: { name: string; sql: string }[] = [
  {
    // The concern list answers the organisation's grant on the concern's own column (concerns.query.ts).
    name: "a concern's organisation is its entry's",
    sql: `SELECT c.reference FROM concern c JOIN chronology_entry e ON e.id = c."entryId"
          WHERE c."partnershipId" = $1 AND c."organisationId" <> e."organisationId"`,
  },
  {
    // The chronology asks the share grant among the child's own shares (chronology.query.ts).
    name: "a share's child is its entry's",
    sql: `SELECT s.id::text FROM share s JOIN chronology_entry e ON e.id = s."entryId"
          WHERE s."partnershipId" = $1 AND s."childId" <> e."childId"`,
  },
  {
    name: 'an open disagreement has exactly one open stage, at its current position, due when the disagreement says',
    sql: `SELECT d.reference FROM disagreement d
          LEFT JOIN disagreement_stage s ON s."disagreementId" = d.id AND s."exitedAt" IS NULL
          WHERE d."partnershipId" = $1
          GROUP BY d.id
          HAVING (d.status = 'OPEN') <> (count(s.id) = 1)
              OR count(s.id) > 1
              OR (d.status = 'OPEN' AND (max(s.position) <> d."currentPosition" OR max(s."dueAt") IS DISTINCT FROM d."currentDueAt"))`,
  },
  {
    name: 'stages follow each other: each is entered when the one before it is left, one position up',
    sql: `SELECT d.reference FROM disagreement d
          JOIN LATERAL (SELECT position, "enteredAt", lag("exitedAt") OVER w AS "prevExit", lag(position) OVER w AS "prevPosition"
                        FROM disagreement_stage WHERE "disagreementId" = d.id WINDOW w AS (ORDER BY "enteredAt")) s ON true
          WHERE d."partnershipId" = $1 AND s."prevPosition" IS NOT NULL
            AND (s."prevExit" IS DISTINCT FROM s."enteredAt" OR s.position <> s."prevPosition" + 1)`,
  },
  {
    name: 'a closed disagreement was resolved or withdrawn at the stage it records, when it records',
    sql: `SELECT d.reference FROM disagreement d
          JOIN disagreement_stage s ON s."disagreementId" = d.id AND s.position = d."currentPosition"
          WHERE d."partnershipId" = $1 AND d.status <> 'OPEN'
            AND (s.exit::text <> d.status::text OR s."exitedAt" IS DISTINCT FROM coalesce(d."resolvedAt", d."withdrawnAt")
                 OR (d.status = 'RESOLVED' AND d."resolvedAtPosition" <> d."currentPosition"))`,
  },
  {
    name: 'every stage has its expiry deadline at its due time; pending deadlines only on open stages, in the future',
    sql: `SELECT s.id::text FROM disagreement_stage s
          JOIN disagreement d ON d.id = s."disagreementId"
          LEFT JOIN deadline x ON x."subjectId" = s.id AND x.kind = 'STAGE_EXPIRY'
          WHERE d."partnershipId" = $1
            AND (x.id IS NULL OR x."dueAt" <> s."dueAt"
                 OR EXISTS (SELECT 1 FROM deadline p WHERE p."subjectId" = s.id AND p.state = 'PENDING' AND (s."exitedAt" IS NOT NULL OR p."dueAt" <= $2)))`,
  },
  {
    name: 'an open stage that can move up has not yet reached the moment it would',
    sql: `SELECT d.reference FROM disagreement d JOIN disagreement_stage s ON s."disagreementId" = d.id AND s."exitedAt" IS NULL
          WHERE d."partnershipId" = $1 AND s."escalatesAt" <= $2`,
  },
];

export async function validateGenerated(pool: pg.Pool, partnershipId: string, now: Date): Promise<string[]> {
  const problems: string[] = [];
  const report = (name: string, examples: string[]) => {
    if (examples.length) problems.push(`${name}: ${examples.length} failing, e.g. ${examples.slice(0, 3).join(', ')}`);
  };

  const ids = await pool.query<{ nhsNumber: string | null; upn: string | null }>(
    `SELECT "nhsNumber", upn FROM child WHERE "partnershipId" = $1`, [partnershipId]);
  report('NHS numbers pass the modulus-11 check', ids.rows.flatMap((r) => (r.nhsNumber && !isValidNhsNumber(r.nhsNumber) ? [r.nhsNumber] : [])));
  report('UPNs pass the check letter', ids.rows.flatMap((r) => (r.upn && !isValidUpn(r.upn) ? [r.upn] : [])));

  for (const check of CHECKS) {
    const { rows } = await pool.query(check.sql, check.sql.includes("$2") ? [partnershipId, now] : [partnershipId]);
    report(check.name, rows.map((r) => String(Object.values(r)[0])));
  }

  // Each stage's due and escalation times are what the product's calendar gives for its ladder stage.
  const stages = await pool.query(
    `SELECT s.id, s."enteredAt", s."dueAt", s."escalatesAt", d.urgency, l."limitAmount", l."limitClock", l."escalateAfterGraceWorkingDays", e."urgentLimitHours"
     FROM disagreement_stage s JOIN disagreement d ON d.id = s."disagreementId" JOIN ladder_stage l ON l.id = s."ladderStageId"
     JOIN escalation_ladder e ON e.id = l."ladderId" WHERE s."partnershipId" = $1`, [partnershipId]);
  report('stage due and escalation times follow the ladder and the working-day calendar', stages.rows.flatMap((s) => {
    const urgent = s.urgency === 'URGENT';
    const due = urgent ? addCalendarHours(s.enteredAt, s.urgentLimitHours) : deadlineFor(DEFAULT_CALENDAR, s.enteredAt, s.limitAmount, s.limitClock);
    const escalates = s.escalateAfterGraceWorkingDays == null ? null
      : s.escalateAfterGraceWorkingDays === 0 || urgent ? due : addWorkingDays(DEFAULT_CALENDAR, due, s.escalateAfterGraceWorkingDays);
    return due.getTime() === s.dueAt.getTime() && (escalates?.getTime() ?? null) === (s.escalatesAt?.getTime() ?? null) ? [] : [s.id];
  }));

  const chain = await pool.query('SELECT checked, first_broken_seq FROM audit_event_verify()');
  if (chain.rows[0].first_broken_seq !== null) problems.push(`the audit chain breaks at seq ${chain.rows[0].first_broken_seq}`);
  return problems;
}
