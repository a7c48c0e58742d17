-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PriorityArea" ADD COLUMN     "candidateId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "PriorityArea_candidateId_key" ON "PriorityArea"("candidateId");

-- AddForeignKey
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "PriorityCandidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

