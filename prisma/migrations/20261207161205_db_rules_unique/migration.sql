-- "Only one" rules kept by the database, not only by a look before inserting (issue 19, finding 2).
-- Existing duplicates are resolved first, keeping every piece of history, so the indexes can be built.

-- Organisations: the same ODS code twice in a collaborative is a typing slip. The oldest keeps it.
UPDATE "Organisation" o SET "odsCode" = NULL
WHERE o."odsCode" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "Organisation" k
  WHERE k."collaborativeId" = o."collaborativeId" AND k."odsCode" = o."odsCode" AND (k."createdAt", k.id) < (o."createdAt", o.id));

CREATE UNIQUE INDEX "Organisation_collaborativeId_odsCode_key" ON "Organisation"("collaborativeId", "odsCode");

-- Project teams: a portal user listed twice keeps the first entry, with every role they were given.
UPDATE "ProjectTeamMember" t SET role = r.roles
FROM (
  SELECT min(id) AS keep, coalesce(string_agg(DISTINCT role, '; ') FILTER (WHERE role <> ''), '') AS roles
  FROM "ProjectTeamMember" WHERE "userId" IS NOT NULL GROUP BY "projectId", "userId" HAVING count(*) > 1
) r
WHERE t.id = r.keep;
DELETE FROM "ProjectTeamMember" t USING "ProjectTeamMember" k
WHERE t."userId" IS NOT NULL AND k."projectId" = t."projectId" AND k."userId" = t."userId" AND k.id < t.id;

CREATE UNIQUE INDEX "ProjectTeamMember_projectId_userId_key" ON "ProjectTeamMember"("projectId", "userId");

-- Follows: the old unique index never fired (one target is always NULL). A follow of two things becomes
-- two follows, a follow of nothing goes, and repeats go.
INSERT INTO "Follow" (id, "userId", "priorityAreaId", "createdAt")
SELECT id || '_area', "userId", "priorityAreaId", "createdAt" FROM "Follow"
WHERE "priorityAreaId" IS NOT NULL AND "learningItemId" IS NOT NULL;
UPDATE "Follow" SET "priorityAreaId" = NULL WHERE "priorityAreaId" IS NOT NULL AND "learningItemId" IS NOT NULL;
DELETE FROM "Follow" WHERE "priorityAreaId" IS NULL AND "learningItemId" IS NULL;
DELETE FROM "Follow" f USING "Follow" k
WHERE k."userId" = f."userId" AND k."priorityAreaId" IS NOT DISTINCT FROM f."priorityAreaId"
  AND k."learningItemId" IS NOT DISTINCT FROM f."learningItemId" AND (k."createdAt", k.id) < (f."createdAt", f.id);

DROP INDEX "Follow_userId_priorityAreaId_learningItemId_key";
CREATE UNIQUE INDEX "Follow_userId_target_key" ON "Follow"("userId", "priorityAreaId", "learningItemId") NULLS NOT DISTINCT;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target" CHECK (num_nonnulls("priorityAreaId", "learningItemId") = 1) NOT VALID;
ALTER TABLE "Follow" VALIDATE CONSTRAINT "Follow_one_target";

-- Adoptions (item x collaborative x organisation, "no organisation" counting as one): a duplicate
-- inflated national spread counts. The most recently updated record stays (it holds the current
-- status) and takes over the others' status history.
UPDATE "AdoptionStatusChange" c SET "adoptionId" = m.keep
FROM (
  SELECT id, first_value(id) OVER (PARTITION BY "learningItemId", "collaborativeId", "organisationId" ORDER BY "updatedAt" DESC, id) AS keep
  FROM "Adoption"
) m
WHERE c."adoptionId" = m.id AND m.id <> m.keep;
DELETE FROM "Adoption" a
USING (
  SELECT id, first_value(id) OVER (PARTITION BY "learningItemId", "collaborativeId", "organisationId" ORDER BY "updatedAt" DESC, id) AS keep
  FROM "Adoption"
) m
WHERE a.id = m.id AND m.id <> m.keep;

CREATE UNIQUE INDEX "Adoption_learningItemId_collaborativeId_organisationId_key" ON "Adoption"("learningItemId", "collaborativeId", "organisationId") NULLS NOT DISTINCT;

-- Candidate titles, compared without regard to capitals as proposeCandidate does. Repeats already
-- stored are renamed "… (2)", so their ballots and comments stay whole (closed rounds too: their
-- freeze trigger is paused for this one statement).
ALTER TABLE "PriorityCandidate" DISABLE TRIGGER "PriorityCandidate_frozen_when_closed";
UPDATE "PriorityCandidate" c SET title = c.title || ' (' || d.n || ')'
FROM (SELECT id, row_number() OVER (PARTITION BY "roundId", lower(title) ORDER BY "createdAt", id) AS n FROM "PriorityCandidate") d
WHERE c.id = d.id AND d.n > 1;
ALTER TABLE "PriorityCandidate" ENABLE TRIGGER "PriorityCandidate_frozen_when_closed";

CREATE UNIQUE INDEX "PriorityCandidate_roundId_title_key" ON "PriorityCandidate"("roundId", lower(title));
