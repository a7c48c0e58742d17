-- CreateTable
CREATE TABLE "ProjectTemplate" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "priorityAreaId" TEXT,
    "measures" JSONB NOT NULL DEFAULT '[]',
    "drivers" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectTemplate_key_key" ON "ProjectTemplate"("key");

-- CreateIndex
CREATE INDEX "ProjectTemplate_priorityAreaId_idx" ON "ProjectTemplate"("priorityAreaId");

-- AddForeignKey
ALTER TABLE "ProjectTemplate" ADD CONSTRAINT "ProjectTemplate_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

