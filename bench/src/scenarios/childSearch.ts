// Child search by name and date of birth, as the front door does before recording a child:
// trigram similarity over the partnership's children born that day, best match first.
import { searchNameOf } from '@wraparound/prisma/identifiers';
import { type Scenario, personaWhere, uuidOf } from './scenario.ts';

export const childSearch: Scenario = {
  name: 'Child search by name and date of birth',
  persona: (pool, partnershipId) => personaWhere(pool, partnershipId, `o."agencyType" = 'SOCIAL_CARE' AND 'MASH_WORKER' = ANY(u.roles)`),
  query: /* GraphQL */ `
    query Search($input: ChildSearchInput!) {
      childSearch(input: $input) {
        __typename
        ... on ChildSearchSuccess { matches { score matchedOn child { id givenName familyName dateOfBirth } } }
      }
    }`,
  async prepare({ pool, persona }) {
    // A child from the middle of the register, searched with a one-letter typo in the family name.
    const { rows } = await pool.query(
      `SELECT "givenName", "familyName", to_char("dateOfBirth", 'YYYY-MM-DD') AS dob FROM child
       WHERE "partnershipId" = $1 ORDER BY id OFFSET (SELECT count(*) / 2 FROM child WHERE "partnershipId" = $1) LIMIT 1`, [persona.partnershipId]);
    const { givenName, familyName, dob } = rows[0];
    const typo = familyName.length > 3 ? familyName.slice(0, -2) + familyName.slice(-1) : familyName;
    return {
      variables: { input: { givenName, familyName: typo, dateOfBirth: dob } },
      raw: {
        // The front door may read every child of the partnership that is not restricted from them.
        text: `SELECT c.id FROM child c
               WHERE c."partnershipId" = $1 AND c."mergedIntoId" IS NULL AND c."dateOfBirth" = $4::date
                 AND similarity(c."searchName", $5) >= 0.35
                 AND (NOT EXISTS (SELECT 1 FROM restriction x WHERE x."childId" = c.id AND x."liftedAt" IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM restriction_member m WHERE m."restrictionId" = x.id AND m."userId" = $3))
                      OR EXISTS (SELECT 1 FROM break_glass_grant g WHERE g."childId" = c.id AND g."userId" = $3 AND g."expiresAt" > now()))
                 AND $2::uuid IS NOT NULL
               ORDER BY similarity(c."searchName", $5) DESC, c.id LIMIT 20`,
        values: [persona.partnershipId, persona.organisationId, persona.userId, dob, searchNameOf(givenName, typo)],
      },
      note: `"${givenName} ${typo}", born ${dob}`,
    };
  },
  answer: (data) => data.childSearch.matches.map((m: any) => uuidOf(m.child.id)),
  rawAnswer: (rows) => rows.map((r) => r.id),
};
