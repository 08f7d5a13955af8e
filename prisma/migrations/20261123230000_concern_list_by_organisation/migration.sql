-- The concern list asks for each grant of the read rule on its own (concerns.query.ts). The
-- organisation's grant ("the entries of my organisation") is then answered on the concern's own
-- organisation, walking this index a page at a time instead of every concern of the partnership.

-- CreateIndex
CREATE INDEX "concern_organisationId_createdAt_id_idx" ON "concern"("organisationId", "createdAt" DESC, "id" DESC);

-- That is only the same answer while a concern's organisation is its entry's: held here, not by
-- the application alone (a function and trigger, which Prisma's schema does not describe).
CREATE FUNCTION concern_organisation_is_entrys() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM chronology_entry e
    WHERE e.id = NEW."entryId" AND e."partnershipId" = NEW."partnershipId" AND e."organisationId" = NEW."organisationId"
  ) THEN
    RAISE EXCEPTION 'a concern''s organisation must be its entry''s (concern %)', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER concern_organisation_is_entrys
  BEFORE INSERT OR UPDATE OF "organisationId", "entryId", "partnershipId" ON "concern"
  FOR EACH ROW EXECUTE FUNCTION concern_organisation_is_entrys();

-- Entries do not change organisation: an entry's organisation is who recorded it.
CREATE FUNCTION entry_organisation_is_fixed() RETURNS trigger AS $$
BEGIN
  IF NEW."organisationId" IS DISTINCT FROM OLD."organisationId" THEN
    RAISE EXCEPTION 'an entry''s organisation does not change (entry %)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER entry_organisation_is_fixed
  BEFORE UPDATE OF "organisationId" ON "chronology_entry"
  FOR EACH ROW EXECUTE FUNCTION entry_organisation_is_fixed();
