-- The partnership's child index (schema/src/children/childIndex.query.ts): an agency that finds a
-- child the partnership knows records its involvement as an entry of its own, which is what lets
-- it open the child's record (identity and its own entries; never another agency's unshared ones).
ALTER TYPE "EntryKind" ADD VALUE 'AGENCY_INVOLVEMENT' BEFORE 'OTHER';
