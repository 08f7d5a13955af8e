-- The front door's whole queue of referrals awaiting a decision, most urgent first: immediate risk,
-- then the most overdue (schema/src/concerns/referralsAwaitingDecision.query.ts).

-- Whether the referred concern's risk is immediate, on the referral itself so the queue can be
-- ordered and paged by an index. The database keeps it: from the concern when a referral is
-- written, and again whenever the concern's risk is corrected.
ALTER TABLE "referral" ADD COLUMN "immediateRisk" BOOLEAN NOT NULL DEFAULT false;
UPDATE "referral" r SET "immediateRisk" = (c."riskLevel" = 'IMMEDIATE')
  FROM "concern" c WHERE c.id = r."concernId" AND c."partnershipId" = r."partnershipId";

CREATE FUNCTION referral_immediate_risk() RETURNS trigger AS $$
BEGIN
  SELECT c."riskLevel" = 'IMMEDIATE' INTO NEW."immediateRisk"
  FROM "concern" c WHERE c.id = NEW."concernId" AND c."partnershipId" = NEW."partnershipId";
  NEW."immediateRisk" := COALESCE(NEW."immediateRisk", false);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER referral_immediate_risk
  BEFORE INSERT OR UPDATE OF "concernId", "immediateRisk" ON "referral"
  FOR EACH ROW EXECUTE FUNCTION referral_immediate_risk();

CREATE FUNCTION concern_risk_to_referrals() RETURNS trigger AS $$
BEGIN
  UPDATE "referral" SET "immediateRisk" = (NEW."riskLevel" = 'IMMEDIATE')
  WHERE "concernId" = NEW.id AND "partnershipId" = NEW."partnershipId";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER concern_risk_to_referrals
  AFTER UPDATE OF "riskLevel" ON "concern"
  FOR EACH ROW WHEN (OLD."riskLevel" IS DISTINCT FROM NEW."riskLevel")
  EXECUTE FUNCTION concern_risk_to_referrals();

-- The queue, for the front door (referrals made to it) and for the referrer (made by it): only
-- undecided referrals, in the queue's order, so a page is an index walk however many were decided.
CREATE INDEX "referral_awaiting_to_queue" ON "referral" ("toOrganisationId", "immediateRisk" DESC, "decisionDueAt", "id")
  WHERE "decidedAt" IS NULL;
CREATE INDEX "referral_awaiting_from_queue" ON "referral" ("fromOrganisationId", "immediateRisk" DESC, "decisionDueAt", "id")
  WHERE "decidedAt" IS NULL;
