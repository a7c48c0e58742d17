-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "firstReadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "collaborativeId" TEXT;

-- CreateIndex
CREATE INDEX "Notification_collaborativeId_idx" ON "Notification"("collaborativeId");

