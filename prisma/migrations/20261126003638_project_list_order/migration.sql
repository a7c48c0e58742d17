-- DropIndex
DROP INDEX "Project_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Project_updatedAt_id_idx" ON "Project"("updatedAt" DESC, "id");

