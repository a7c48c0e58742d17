-- DropIndex
DROP INDEX "AuditEvent_at_idx";

-- DropIndex
DROP INDEX "Measure_spcVariation_idx";

-- DropIndex
DROP INDEX "Measure_nationalMetric_idx";

-- DropIndex
DROP INDEX "LearningItem_type_idx";

-- DropIndex
DROP INDEX "Adoption_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "Concern_collaborativeId_receivedAt_heldAt_idx" ON "Concern"("collaborativeId", "receivedAt", "heldAt");

-- CreateIndex
CREATE INDEX "LearningItem_measureId_idx" ON "LearningItem"("measureId");

-- CreateIndex
CREATE INDEX "LearningItem_projectId_idx" ON "LearningItem"("projectId");

-- CreateIndex
CREATE INDEX "Adoption_measureId_idx" ON "Adoption"("measureId");

-- CreateIndex
CREATE INDEX "Adoption_projectId_idx" ON "Adoption"("projectId");

