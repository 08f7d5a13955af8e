// Audit history: an event for every entry written (concern.create, entry.create), every read of a
// chronology by its allocated worker, every share, request and disagreement raised, in time order.
// Loaded through the database's own chain trigger (INSERT … SELECT in two-week windows), so every
// row is sealed and chained exactly as a live write is and audit_event_verify() holds: within one
// statement the BEFORE trigger sees the rows inserted before it, and the advisory lock keeps the
// sequence in chain order.
import type pg from 'pg';
import type { Progress } from './progress.ts';
import { DAY, type World } from './world.ts';

const SOURCES = /* sql */ `
  SELECT e."recordedAt" AS at, e."authorId" AS actor, e."organisationId" AS org,
         CASE WHEN e.kind = 'CONCERN' THEN 'concern.create' ELSE 'entry.create' END AS action,
         'ChronologyEntry' AS "subjectType", e.id AS "subjectId", e."childId", NULL::text AS purpose,
         jsonb_build_object('kind', e.kind) AS detail
  FROM chronology_entry e WHERE e."partnershipId" = $1 AND e."recordedAt" >= $2 AND e."recordedAt" < $3
  UNION ALL
  SELECT e."recordedAt" + interval '3 days', a."userId", u."organisationId", 'chronology.read', 'Child', e."childId", e."childId",
         'Allocated worker reviewing the chronology', jsonb_build_object('entryIds', jsonb_build_array(e.id))
  FROM chronology_entry e
  JOIN child_assignment a ON a."childId" = e."childId" AND a."endedAt" IS NULL
  JOIN "user" u ON u.id = a."userId"
  WHERE e."partnershipId" = $1 AND e."recordedAt" + interval '3 days' >= $2 AND e."recordedAt" + interval '3 days' < LEAST($3, $4::timestamptz)
  UNION ALL
  SELECT s."decidedAt", s."decidedById", s."sharingOrganisationId", 'share.create', 'Share', s.id, s."childId", s.purpose, NULL
  FROM share s WHERE s."partnershipId" = $1 AND s."decidedAt" >= $2 AND s."decidedAt" < $3
  UNION ALL
  SELECT r."createdAt", r."requestedById", r."requestingOrganisationId", 'informationRequest.create', 'InformationRequest', r.id, r."childId", r.purpose, NULL
  FROM information_request r WHERE r."partnershipId" = $1 AND r."createdAt" >= $2 AND r."createdAt" < $3
  UNION ALL
  SELECT d."createdAt", d."raisedById", d."raisingOrganisationId", 'disagreement.raise', 'Disagreement', d.id, d."childId", NULL, NULL
  FROM disagreement d WHERE d."partnershipId" = $1 AND d."createdAt" >= $2 AND d."createdAt" < $3`;

export async function writeAudit(pool: pg.Pool, world: World, progress: Progress): Promise<number> {
  const now = world.options.now.getTime();
  const { rows } = await pool.query(`SELECT min("recordedAt") AS first FROM chronology_entry WHERE "partnershipId" = $1`, [world.partnershipId]);
  const first = rows[0]?.first ? new Date(rows[0].first).getTime() : now - DAY;
  let total = 0;
  for (let from = first; from <= now; from += 14 * DAY) {
    const to = Math.min(from + 14 * DAY, now + 1);
    const result = await pool.query(
      `INSERT INTO audit_event ("partnershipId", "occurredAt", "actorUserId", "actorOrganisationId", action, "subjectType", "subjectId", "childId", purpose, detail)
       SELECT $1, at, actor, org, action, "subjectType", "subjectId", "childId", purpose, detail
       FROM (${SOURCES}) AS events ORDER BY at, "subjectId"`,
      [world.partnershipId, new Date(from), new Date(to), world.options.now],
    );
    total += result.rowCount ?? 0;
    progress.set('audit_event', total);
  }
  return total;
}
