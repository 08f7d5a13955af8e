-- Indexes the county-scale benchmark asked for (bench/results): each matches a list's permission
-- filter and order, so a page is an ordered index walk that stops at its size.

-- CreateIndex
CREATE INDEX "chronology_entry_authorId_occurredAt_idx" ON "chronology_entry"("authorId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "concern_createdAt_id_idx" ON "concern"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "information_request_recipient_organisationId_dueAt_id_idx" ON "information_request_recipient"("organisationId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "disagreement_partnershipId_status_currentDueAt_id_idx" ON "disagreement"("partnershipId", "status", "currentDueAt", "id");

-- CreateIndex
CREATE INDEX "deadline_state_dueAt_id_idx" ON "deadline"("state", "dueAt", "id");
