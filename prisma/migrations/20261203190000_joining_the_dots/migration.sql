-- Joining the dots (schema/src/concerns/joiningTheDots.ts): concerns about one child from several
-- organisations, or several concerns, within a window alert the front door once.
ALTER TABLE "partnership"
  ADD COLUMN "patternOrganisations" INTEGER NOT NULL DEFAULT 2,
  ADD COLUMN "patternConcerns" INTEGER NOT NULL DEFAULT 3,
  ADD COLUMN "patternWindowDays" INTEGER NOT NULL DEFAULT 30;

CREATE TYPE "ConcernPatternKind" AS ENUM ('SEVERAL_ORGANISATIONS', 'REPEATED_CONCERNS');

CREATE TABLE "concern_pattern" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "kind" "ConcernPatternKind" NOT NULL,
    "concernIds" UUID[],
    "organisations" INTEGER NOT NULL,
    "concerns" INTEGER NOT NULL,
    "windowDays" INTEGER NOT NULL,
    "foundAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3),
    "seenById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "concern_pattern_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "concern_pattern_childId_foundAt_idx" ON "concern_pattern"("childId", "foundAt");
CREATE INDEX "concern_pattern_partnershipId_seenAt_foundAt_idx" ON "concern_pattern"("partnershipId", "seenAt", "foundAt");

-- Each concern about a child in the window is counted when another is raised.
CREATE INDEX "concern_child_created_idx" ON "concern"("childId", "createdAt");

-- A safeguarding record like the others: never deleted.
CREATE TRIGGER concern_pattern_forbid_delete BEFORE DELETE ON "concern_pattern" FOR EACH ROW EXECUTE FUNCTION forbid_delete();
