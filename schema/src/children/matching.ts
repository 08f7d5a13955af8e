// Finding the same child twice: by identifier (exact) and by name and date of birth (tolerant of
// case, accents and typos, ranked by trigram similarity). Matching looks across the whole
// partnership so a duplicate is caught even when the person entering it cannot see the record.
import type { DatabaseTx } from '@wraparound/prisma';
import { searchNameOf } from '@wraparound/prisma/identifiers';

export interface Candidate {
  id: string;
  score: number;
  matchedOn: 'NHS_NUMBER' | 'UPN' | 'NAME_AND_DATE_OF_BIRTH' | 'NAME';
}

/** How alike two names must be (pg_trgm similarity, 0..1) to count as a possible match: lower when
 * the date of birth matches exactly too ("Mohammed Ali" / "Muhammad Ali" is about 0.37). */
export const NAME_THRESHOLD = { withDateOfBirth: 0.35, nameOnly: 0.5 };

/** The longest name a search takes (the register's own limit) and the longest identifier. */
export const SEARCH_NAME_MAX = 100;
const SEARCH_IDENTIFIER_MAX = 20;

/** Search terms too long to be a name or identifier: refused before any query (a trigram match on
 * a 100 KB name takes seconds of a database connection). */
export function searchTermProblems(input: { nhsNumber?: string | null; upn?: string | null; givenName?: string | null; familyName?: string | null }) {
  const problems: Array<{ path: string[]; message: string }> = [];
  const limits = [
    ['givenName', 'given name', SEARCH_NAME_MAX],
    ['familyName', 'family name', SEARCH_NAME_MAX],
    ['nhsNumber', 'NHS number', SEARCH_IDENTIFIER_MAX],
    ['upn', 'UPN', SEARCH_IDENTIFIER_MAX],
  ] as const;
  for (const [field, label, max] of limits) {
    if ((input[field]?.length ?? 0) > max) problems.push({ path: ['input', field], message: `The ${label} must be ${max} characters or fewer` });
  }
  return problems;
}

export async function findCandidates(
  db: DatabaseTx,
  partnershipId: string,
  query: { nhsNumber?: string | null; upn?: string | null; givenName?: string | null; familyName?: string | null; dateOfBirth?: Date | null },
  limit = 20,
): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  const keep = (c: Candidate) => {
    const existing = found.get(c.id);
    if (!existing || existing.score < c.score) found.set(c.id, c);
  };
  if (query.nhsNumber) {
    const rows = await db.child.findMany({ where: { partnershipId, nhsNumber: query.nhsNumber, mergedIntoId: null }, select: { id: true } });
    rows.forEach((r) => keep({ id: r.id, score: 1, matchedOn: 'NHS_NUMBER' }));
  }
  if (query.upn) {
    const rows = await db.child.findMany({ where: { partnershipId, upn: query.upn, mergedIntoId: null }, select: { id: true } });
    rows.forEach((r) => keep({ id: r.id, score: 1, matchedOn: 'UPN' }));
  }
  const name = searchNameOf(query.givenName ?? '', query.familyName ?? '');
  if (name.length >= 3) {
    const rows = await db.$queryRaw<{ id: string; score: number }[]>`
      SELECT id, similarity("searchName", ${name})::float8 AS score
      FROM child
      WHERE "partnershipId" = ${partnershipId}::uuid
        AND "mergedIntoId" IS NULL
        AND (${query.dateOfBirth ?? null}::date IS NULL OR "dateOfBirth" = ${query.dateOfBirth ?? null}::date)
        AND similarity("searchName", ${name}) >= ${query.dateOfBirth ? NAME_THRESHOLD.withDateOfBirth : NAME_THRESHOLD.nameOnly}
      ORDER BY score DESC, id
      LIMIT ${limit}`;
    const matchedOn = query.dateOfBirth ? 'NAME_AND_DATE_OF_BIRTH' : 'NAME';
    rows.forEach((r) => keep({ id: r.id, score: Math.round(r.score * 1000) / 1000, matchedOn }));
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
