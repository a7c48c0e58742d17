-- Learning search over tens of thousands of items.
--
-- 1. Keep each item's row small, so ranking thousands of matches reads few pages: the body, summary and
--    search vectors are stored out of line (TOAST) as soon as a row passes 256 bytes, while the title
--    and the small ranking vector ("searchHead") stay in the row (MAIN), since every match reads them.
--    Matching reads neither: the GIN indexes answer it. The table is rewritten by step 2, so existing
--    rows are stored this way too.
ALTER TABLE "LearningItem" SET (toast_tuple_target = 256);
ALTER TABLE "LearningItem" ALTER COLUMN "title" SET STORAGE MAIN, ALTER COLUMN "searchHead" SET STORAGE MAIN;

-- 2. The title alone, with its own GIN index: items whose title matches rank first, so for a broad
--    query the first pages come from these few hundred items without ranking every match.
ALTER TABLE "LearningItem" ADD COLUMN "searchTitle" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce("title", ''))
) STORED;

-- CreateIndex
CREATE INDEX "LearningItem_searchTitle_idx" ON "LearningItem" USING GIN ("searchTitle");

-- 3. Browsing without words (the library's front page, or filters alone) lists published items featured
--    first, then newest: this index gives those in order, so a page reads 20 rows, not every item.
--    Prisma's schema cannot describe a partial index with NULLS LAST (listed in the schema-drift test).
CREATE INDEX "LearningItem_published_order_idx" ON "LearningItem" ("featured" DESC, "publishedAt" DESC NULLS LAST, "id") WHERE "status" = 'PUBLISHED';
