-- A missed clock reaches a person (schema/src/deadlines/missedClocks.ts): who is told when a
-- referral passes its decision time undecided, or an Operation Encompass notification is not
-- acknowledged by the start of the school day, and who is told next if it still is not.
ALTER TYPE "DeadlineKind" ADD VALUE 'REFERRAL_DECISION_SENIOR_ALERT';
ALTER TYPE "DeadlineKind" ADD VALUE 'ENCOMPASS_SENIOR_ALERT';

ALTER TABLE "partnership"
  ADD COLUMN "referralOverdueRoles" "Role"[] DEFAULT ARRAY['MASH_MANAGER', 'TEAM_MANAGER']::"Role"[],
  ADD COLUMN "referralSeniorRoles" "Role"[] DEFAULT ARRAY['HEAD_OF_SERVICE']::"Role"[],
  ADD COLUMN "referralSeniorAfterWorkingHours" INTEGER NOT NULL DEFAULT 4,
  ADD COLUMN "encompassOverdueRoles" "Role"[] DEFAULT ARRAY['DSL', 'DEPUTY_DSL', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD']::"Role"[],
  ADD COLUMN "encompassSeniorRoles" "Role"[] DEFAULT ARRAY['DETECTIVE_SERGEANT']::"Role"[],
  ADD COLUMN "encompassSeniorAfterWorkingHours" INTEGER NOT NULL DEFAULT 2;
