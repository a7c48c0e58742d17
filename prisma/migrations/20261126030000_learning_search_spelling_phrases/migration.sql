-- Spelling: the distinct words of published titles, for correcting a search word that matches nothing.
-- The words of a title, as search splits them ('simple': lower case, no stemming), letters only.
CREATE FUNCTION learning_title_words(title text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(w), '{}') FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, title))) w WHERE w ~ '^[[:alpha:]]{3,}$' $$;

-- CreateTable
CREATE TABLE "LearningTitleWord" (
    "word" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,

    CONSTRAINT "LearningTitleWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "LearningTitleWord_word_trgm_idx" ON "LearningTitleWord" USING GIN ("word" gin_trgm_ops);

-- Kept by statement-level triggers (one per event: transition tables allow no more), which count each
-- title's words out when it stops being published or changes, and in when it is published. Words are
-- written in sorted order, so two publications sharing words lock them in the same order.
CREATE FUNCTION learning_title_words_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  removed text[];
  added text[];
  emptied text[];
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(title) INTO added FROM new_rows WHERE status = 'PUBLISHED';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(title) INTO removed FROM old_rows WHERE status = 'PUBLISHED';
  ELSE
    SELECT array_agg(o.title) FILTER (WHERE o.status = 'PUBLISHED'), array_agg(n.title) FILTER (WHERE n.status = 'PUBLISHED')
    INTO removed, added
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.status IS DISTINCT FROM o.status OR n.title IS DISTINCT FROM o.title;
  END IF;
  IF removed IS NULL AND added IS NULL THEN
    RETURN NULL;
  END IF;
  WITH changes AS (
    SELECT unnest(learning_title_words(t)) AS word, -1 AS delta FROM unnest(removed) t
    UNION ALL
    SELECT unnest(learning_title_words(t)), 1 FROM unnest(added) t
  ),
  counted AS (
    INSERT INTO "LearningTitleWord" (word, "itemCount")
    SELECT word, sum(delta) FROM changes GROUP BY word HAVING sum(delta) <> 0 ORDER BY word
    ON CONFLICT (word) DO UPDATE SET "itemCount" = "LearningTitleWord"."itemCount" + EXCLUDED."itemCount"
    RETURNING word, "itemCount"
  )
  SELECT array_agg(word) INTO emptied FROM counted WHERE "itemCount" <= 0;
  IF emptied IS NOT NULL THEN
    DELETE FROM "LearningTitleWord" WHERE word = ANY (emptied) AND "itemCount" <= 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "LearningItem_title_words_insert" AFTER INSERT ON "LearningItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION learning_title_words_sync();
CREATE TRIGGER "LearningItem_title_words_update" AFTER UPDATE ON "LearningItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION learning_title_words_sync();
CREATE TRIGGER "LearningItem_title_words_delete" AFTER DELETE ON "LearningItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION learning_title_words_sync();

INSERT INTO "LearningTitleWord" (word, "itemCount")
SELECT w, count(*) FROM "LearningItem", unnest(learning_title_words(title)) w WHERE status = 'PUBLISHED' GROUP BY w;

-- Phrases: a quoted phrase of common words ("care homes team") is held, word by word, by thousands of
-- items, and checking where the words stand means reading each one's whole search vector. Indexing each
-- item's pairs of adjacent words ('care home', 'home team') narrows that to the items holding every pair
-- of the phrase, and only those are checked (lib/learning/search.ts).
CREATE FUNCTION learning_word_pairs(v tsvector) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) a
        JOIN (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) b ON b.pos = a.pos + 1 $$;

-- The pairs every item matching a phrase must hold, as a query: only pairs of plain words, so each is a
-- safe quoted lexeme (a phrase whose pairs are left out is checked against more items, never fewer).
CREATE FUNCTION learning_phrase_pairs(phrase text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT string_agg('''' || p || '''', ' & ')::tsquery
        FROM unnest(tsvector_to_array(learning_word_pairs(to_tsvector('english'::regconfig, phrase)))) p
        WHERE p ~ '^[[:alnum:]]+ [[:alnum:]]+$' $$;

-- CreateIndex
CREATE INDEX "LearningItem_searchPairs_idx" ON "LearningItem" USING GIN (learning_word_pairs("searchVector"));
