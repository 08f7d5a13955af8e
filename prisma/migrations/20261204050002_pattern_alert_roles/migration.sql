-- Joining the dots: who at the front door is told of a pattern is partnership configuration too
-- (schema/src/admin/concernPatternRules.ts), by default those who decide referrals.
ALTER TABLE "partnership"
  ADD COLUMN "patternAlertRoles" "Role"[] DEFAULT ARRAY['MASH_WORKER', 'MASH_MANAGER', 'SOCIAL_WORKER', 'TEAM_MANAGER']::"Role"[];
