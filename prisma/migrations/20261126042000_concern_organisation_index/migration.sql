-- CreateIndex
-- The organisations page counts each organisation's concerns (lib/collaboratives/queries.ts).
CREATE INDEX "Concern_organisationId_idx" ON "Concern"("organisationId");
