-- Full-text search for the learning library. array_to_string is only STABLE, so a generated column
-- cannot call it directly; this wrapper is IMMUTABLE because joining text with a space does not
-- depend on any setting.
CREATE OR REPLACE FUNCTION learning_tags_text(tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;

-- AlterTable: weights A title, B summary, C tags, D body (ts_rank favours a title match).
ALTER TABLE "LearningItem" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, learning_tags_text("tags")), 'C') ||
  setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'D')
) STORED;

-- CreateTable
CREATE TABLE "LearningDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "adoptionCount" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LearningDigest_userId_windowEnd_idx" ON "LearningDigest"("userId", "windowEnd");

-- CreateIndex
CREATE UNIQUE INDEX "LearningDigest_userId_weekStart_key" ON "LearningDigest"("userId", "weekStart");

-- CreateIndex
CREATE INDEX "LearningItem_searchVector_idx" ON "LearningItem" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "LearningItem_title_trgm_idx" ON "LearningItem" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "LearningDigest" ADD CONSTRAINT "LearningDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

