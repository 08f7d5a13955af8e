-- Lists that children's social care's front door reads, at county scale (80,000 referrals, 34,000
-- information requests sent by social care).

-- The front door's home page lists concerns REFERRED to it, newest first: with this index each
-- grant walks the referred concerns in date order and stops at a page (40 ms → 0.9 ms), instead
-- of reading every referred concern of the organisation index and sorting them.
CREATE INDEX "concern_status_createdAt_id_idx" ON "concern"("status", "createdAt" DESC, "id" DESC);

-- "Requests we sent", newest first: the only index on the requesting organisation was by status
-- and due date, so the list read and sorted all 33,886 of social care's (80 ms) for a page of 20.
CREATE INDEX "information_request_requestingOrganisationId_createdAt_id_idx" ON "information_request"("requestingOrganisationId", "createdAt" DESC, "id" DESC);
