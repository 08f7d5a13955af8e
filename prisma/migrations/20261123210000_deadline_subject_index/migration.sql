-- A subject's pending deadlines whatever their kind: a closing disagreement stage cancels them
-- (stageClock.ts), and without this index that read every deadline in the table; so did the
-- benchmark generator's check of stage deadlines, cancelled after 5 minutes at scale 1.

-- CreateIndex
CREATE INDEX "deadline_subjectId_state_idx" ON "deadline"("subjectId", "state");
