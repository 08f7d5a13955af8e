-- An Operation Encompass notification still unacknowledged some office hours after the start of
-- the school day goes up to the force's Encompass lead, a detective inspector in public protection
-- (docs/domain.md, "Operation Encompass"), not the sergeant. Partnerships still on the old
-- default (set the day before, never chosen) move with it.
ALTER TABLE "partnership" ALTER COLUMN "encompassSeniorRoles" SET DEFAULT ARRAY['DETECTIVE_INSPECTOR']::"Role"[];
UPDATE "partnership" SET "encompassSeniorRoles" = ARRAY['DETECTIVE_INSPECTOR']::"Role"[]
  WHERE "encompassSeniorRoles" = ARRAY['DETECTIVE_SERGEANT']::"Role"[];
