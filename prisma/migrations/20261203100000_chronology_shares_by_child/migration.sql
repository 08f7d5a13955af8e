-- A child's chronology asks its share grant ("entries shared with me") among the child's own shares
-- (chronology.query.ts): otherwise PostgreSQL hashed every live share to the reader's organisation
-- to test one child's entries (26,732 for children's social care at county scale, 18–33 ms a page),
-- a cost that grew with every share the partnership ever made.

-- That is only the same answer while a share's child is its entry's: held here, not by the
-- application alone (a function and trigger, which Prisma's schema does not describe).
CREATE FUNCTION share_child_is_entrys() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM chronology_entry e
    WHERE e.id = NEW."entryId" AND e."partnershipId" = NEW."partnershipId" AND e."childId" = NEW."childId"
  ) THEN
    RAISE EXCEPTION 'a share''s child must be its entry''s (share %)', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER share_child_is_entrys
  BEFORE INSERT OR UPDATE OF "childId", "entryId", "partnershipId" ON "share"
  FOR EACH ROW EXECUTE FUNCTION share_child_is_entrys();

-- Entries do not move between children: a record about the wrong child is corrected by merging or
-- by a new entry, and the entry's shares, concern and audit name the child they were made about.
CREATE FUNCTION entry_child_is_fixed() RETURNS trigger AS $$
BEGIN
  IF NEW."childId" IS DISTINCT FROM OLD."childId" THEN
    RAISE EXCEPTION 'an entry''s child does not change (entry %)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER entry_child_is_fixed
  BEFORE UPDATE OF "childId" ON "chronology_entry"
  FOR EACH ROW EXECUTE FUNCTION entry_child_is_fixed();
