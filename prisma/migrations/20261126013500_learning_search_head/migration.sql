-- CreateIndex
-- The title, summary and tags vector gets its own GIN index: when the items whose title matches do not
-- fill a page of results, those whose title, summary or tags match are found through it (lib/learning/search.ts).
CREATE INDEX "LearningItem_searchHead_idx" ON "LearningItem" USING GIN ("searchHead");
