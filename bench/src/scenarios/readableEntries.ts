// Hand-written SQL for "entries this person may read" (schema/src/chronology/chronology.rules.ts):
// their organisation's entries (for its record readers), their own, those shared with them or their
// organisation while the share is live, non-sensitive entries about a child allocated to them, and
// (front door) concerns referred to them; never an entry or child under a restriction they are not
// named on, unless they hold a live break-glass grant. $2 = organisation, $3 = user.
export function readableEntry(e: string, options: { readsOrganisation: boolean; frontDoor: boolean }): string {
  return `(
    (${options.readsOrganisation ? `${e}."organisationId" = $2 OR ` : ''}${e}."authorId" = $3
     OR EXISTS (SELECT 1 FROM share s WHERE s."entryId" = ${e}.id AND s.decision = 'SHARE' AND s."revokedAt" IS NULL
                AND (s."expiresAt" IS NULL OR s."expiresAt" > now())
                AND (s."recipientUserId" = $3${options.readsOrganisation ? ` OR s."recipientOrganisationId" = $2` : ''}))
     OR (NOT ${e}.sensitive AND EXISTS (SELECT 1 FROM child_assignment a WHERE a."childId" = ${e}."childId" AND a."userId" = $3 AND a."endedAt" IS NULL))
     ${options.frontDoor ? `OR EXISTS (SELECT 1 FROM concern c2 JOIN referral r ON r."concernId" = c2.id WHERE c2."entryId" = ${e}.id AND r."toOrganisationId" = $2)` : ''})
    AND NOT EXISTS (SELECT 1 FROM restriction x WHERE (x."entryId" = ${e}.id OR x."childId" = ${e}."childId") AND x."liftedAt" IS NULL
                    AND NOT EXISTS (SELECT 1 FROM restriction_member m WHERE m."restrictionId" = x.id AND m."userId" = $3))
    OR EXISTS (SELECT 1 FROM break_glass_grant g WHERE g."childId" = ${e}."childId" AND g."userId" = $3 AND g."expiresAt" > now())
  )`;
}

/**
 * The same, as one predicate per way in (their union is `readableEntry`), for a list that is best
 * answered a way at a time and merged (a UNION of pages). `organisationColumn` names a column
 * equal to the entry's organisation that an index leads with (the concern's own).
 */
export function readableEntryBranches(e: string, options: { readsOrganisation: boolean; organisationColumn?: string }): string[] {
  const unrestricted = `NOT EXISTS (SELECT 1 FROM restriction x WHERE (x."entryId" = ${e}.id OR x."childId" = ${e}."childId") AND x."liftedAt" IS NULL
                    AND NOT EXISTS (SELECT 1 FROM restriction_member m WHERE m."restrictionId" = x.id AND m."userId" = $3))`;
  const grants = [
    ...(options.readsOrganisation ? [`${options.organisationColumn ?? `${e}."organisationId"`} = $2`] : []),
    `${e}."authorId" = $3`,
    `EXISTS (SELECT 1 FROM share s WHERE s."entryId" = ${e}.id AND s.decision = 'SHARE' AND s."revokedAt" IS NULL
             AND (s."expiresAt" IS NULL OR s."expiresAt" > now())
             AND (s."recipientUserId" = $3${options.readsOrganisation ? ` OR s."recipientOrganisationId" = $2` : ''}))`,
    `NOT ${e}.sensitive AND EXISTS (SELECT 1 FROM child_assignment a WHERE a."childId" = ${e}."childId" AND a."userId" = $3 AND a."endedAt" IS NULL)`,
  ];
  return [
    ...grants.map((grant) => `(${grant}) AND ${unrestricted}`),
    `EXISTS (SELECT 1 FROM break_glass_grant g WHERE g."childId" = ${e}."childId" AND g."userId" = $3 AND g."expiresAt" > now())`,
  ];
}
