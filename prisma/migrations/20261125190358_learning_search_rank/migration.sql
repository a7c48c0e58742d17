-- Ranking vector for the learning library: title (A), summary (B) and tags (C) only. Matching uses the
-- full "searchVector" (with the body) through its GIN index; ranking thousands of matches on this small
-- column avoids reading each item's large, TOASTed body vector.
ALTER TABLE "LearningItem" ADD COLUMN "searchHead" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, learning_tags_text("tags")), 'C')
) STORED;
