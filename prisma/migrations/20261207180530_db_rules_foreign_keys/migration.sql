-- Issue 19, finding 4: authors and actors reference a person, and links that must stay inside one
-- collaborative, project or round are foreign keys over both columns. Existing rows that break a rule
-- are repaired first (see the README, "The database holds the rules"); every constraint is added
-- NOT VALID (new writes are checked at once) and then VALIDATEd.

-- ─── Repair: authors and actors that name nobody ────────────────────────────────────────────────
-- An optional actor that names nobody becomes "unknown" (NULL), as system changes already are.
UPDATE "ProjectStatusChange" t SET "changedById" = NULL WHERE "changedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."changedById");
UPDATE "ConcernStatusChange" t SET "changedById" = NULL WHERE "changedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."changedById");
UPDATE "AdoptionStatusChange" t SET "changedById" = NULL WHERE "changedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."changedById");
UPDATE "PriorityRound" t SET "closedById" = NULL WHERE "closedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."closedById");
UPDATE "PriorityCandidate" t SET "proposedById" = NULL WHERE "proposedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."proposedById");

-- A required author that names nobody is given to one erased placeholder person, shown as "Erased user"
-- like anyone erased under lib/privacy (the row is made only when there is such an author).
INSERT INTO "User" (id, email, name, "globalRole", "erasedAt", "updatedAt")
  SELECT 'unknown-author', 'erased-unknown-author@erased.invalid', 'Erased user', 'NONE', now(), now()
  WHERE EXISTS (SELECT 1 FROM (
          SELECT "authorId" AS id FROM "ConcernNote" UNION SELECT "authorId" FROM "ConcernResponse"
    UNION SELECT "recordedById" FROM "Adoption" UNION SELECT "openedById" FROM "PriorityRound"
    UNION SELECT "authorId" FROM "PriorityComment" UNION SELECT "createdById" FROM "Event") a
    WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = a.id))
  ON CONFLICT (id) DO NOTHING;
UPDATE "ConcernNote" t SET "authorId" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."authorId");
UPDATE "ConcernResponse" t SET "authorId" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."authorId");
UPDATE "Adoption" t SET "recordedById" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."recordedById");
UPDATE "PriorityRound" t SET "openedById" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."openedById");
UPDATE "PriorityComment" t SET "authorId" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."authorId");
UPDATE "Event" t SET "createdById" = 'unknown-author' WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."createdById");

-- ─── Repair: links across a collaborative, project or round ─────────────────────────────────────
-- An organisation from another collaborative is a wrong hint: the link is cleared (the concern,
-- membership or invitation stays). An adoption whose cleared organisation would repeat an adoption
-- already recorded without one is left for a person to merge: VALIDATE below stops, naming the constraint.
UPDATE "Concern" c SET "organisationId" = NULL FROM "Organisation" o
  WHERE o.id = c."organisationId" AND o."collaborativeId" <> c."collaborativeId";
UPDATE "Membership" m SET "organisationId" = NULL FROM "Organisation" o
  WHERE o.id = m."organisationId" AND o."collaborativeId" <> m."collaborativeId";
UPDATE "Invitation" i SET "organisationId" = NULL FROM "Organisation" o
  WHERE o.id = i."organisationId" AND o."collaborativeId" <> i."collaborativeId";
UPDATE "Adoption" a SET "organisationId" = NULL FROM "Organisation" o
  WHERE o.id = a."organisationId" AND o."collaborativeId" <> a."collaborativeId"
    AND NOT EXISTS (SELECT 1 FROM "Adoption" b WHERE b."learningItemId" = a."learningItemId"
                    AND b."collaborativeId" = a."collaborativeId" AND b."organisationId" IS NULL)
    -- and only one such adoption per item and collaborative, or two cleared ones would repeat each other
    AND a.id = (SELECT min(b.id) FROM "Adoption" b JOIN "Organisation" p ON p.id = b."organisationId"
                WHERE b."learningItemId" = a."learningItemId" AND b."collaborativeId" = a."collaborativeId"
                  AND p."collaborativeId" <> b."collaborativeId");
-- A driver under another project's driver becomes a primary driver of its own project (nothing lost).
UPDATE "DriverNode" n SET "parentId" = NULL, kind = 'PRIMARY' FROM "DriverNode" p
  WHERE p.id = n."parentId" AND p."projectId" <> n."projectId";
-- A change idea serving another project's driver serves none (as when its driver is deleted).
UPDATE "ChangeIdea" i SET "driverNodeId" = NULL FROM "DriverNode" n
  WHERE n.id = i."driverNodeId" AND n."projectId" <> i."projectId";
-- A comment on another round's candidate stays on its round as a general comment.
UPDATE "PriorityComment" c SET "candidateId" = NULL FROM "PriorityCandidate" k
  WHERE k.id = c."candidateId" AND k."roundId" <> c."roundId";
-- A PDSA cycle testing another project's change idea is not repaired: which project is right is a
-- person's decision, so VALIDATE stops, naming "PdsaCycle_changeIdeaId_projectId_fkey".

-- ─── Targets of the composite keys ──────────────────────────────────────────────────────────────
-- CreateIndex
CREATE UNIQUE INDEX "Organisation_id_collaborativeId_key" ON "Organisation"("id", "collaborativeId");

-- CreateIndex
CREATE UNIQUE INDEX "DriverNode_id_projectId_key" ON "DriverNode"("id", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeIdea_id_projectId_key" ON "ChangeIdea"("id", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "PriorityCandidate_id_roundId_key" ON "PriorityCandidate"("id", "roundId");

-- ─── Foreign keys to the person (in schema.prisma) ──────────────────────────────────────────────
-- RESTRICT: a person is never deleted, only erased in place (lib/privacy/erase-person.ts), so the
-- history keeps pointing at "Erased user"; deleting the row by hand is refused while they authored anything.
ALTER TABLE "ProjectStatusChange" ADD CONSTRAINT "ProjectStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "ConcernStatusChange" ADD CONSTRAINT "ConcernStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "ConcernNote" ADD CONSTRAINT "ConcernNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "ConcernResponse" ADD CONSTRAINT "ConcernResponse_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "AdoptionStatusChange" ADD CONSTRAINT "AdoptionStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "PriorityCandidate" ADD CONSTRAINT "PriorityCandidate_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "PriorityComment" ADD CONSTRAINT "PriorityComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;

-- ─── Composite foreign keys (raw SQL: Prisma cannot make an optional relation over a required column) ─
-- Each sits beside Prisma's single-column key and keeps its delete rule; SET NULL names only the
-- optional column (PostgreSQL 15), so the row keeps its collaborative or project. ON UPDATE is
-- NO ACTION: an organisation cannot move collaborative, nor a node or idea project, while linked.
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_organisationId_collaborativeId_fkey"
  FOREIGN KEY ("organisationId", "collaborativeId") REFERENCES "Organisation"("id", "collaborativeId") ON DELETE SET NULL ("organisationId") NOT VALID;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_collaborativeId_fkey"
  FOREIGN KEY ("organisationId", "collaborativeId") REFERENCES "Organisation"("id", "collaborativeId") ON DELETE SET NULL ("organisationId") NOT VALID;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_collaborativeId_fkey"
  FOREIGN KEY ("organisationId", "collaborativeId") REFERENCES "Organisation"("id", "collaborativeId") ON DELETE SET NULL ("organisationId") NOT VALID;
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_organisationId_collaborativeId_fkey"
  FOREIGN KEY ("organisationId", "collaborativeId") REFERENCES "Organisation"("id", "collaborativeId") ON DELETE SET NULL ("organisationId") NOT VALID;
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_parentId_projectId_fkey"
  FOREIGN KEY ("parentId", "projectId") REFERENCES "DriverNode"("id", "projectId") ON DELETE CASCADE NOT VALID;
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_driverNodeId_projectId_fkey"
  FOREIGN KEY ("driverNodeId", "projectId") REFERENCES "DriverNode"("id", "projectId") ON DELETE SET NULL ("driverNodeId") NOT VALID;
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_changeIdeaId_projectId_fkey"
  FOREIGN KEY ("changeIdeaId", "projectId") REFERENCES "ChangeIdea"("id", "projectId") ON DELETE CASCADE NOT VALID;
ALTER TABLE "PriorityComment" ADD CONSTRAINT "PriorityComment_candidateId_roundId_fkey"
  FOREIGN KEY ("candidateId", "roundId") REFERENCES "PriorityCandidate"("id", "roundId") ON DELETE CASCADE NOT VALID;

-- ─── Validate (existing rows; stops naming the constraint if a row still breaks it) ─────────────
ALTER TABLE "ProjectStatusChange" VALIDATE CONSTRAINT "ProjectStatusChange_changedById_fkey";
ALTER TABLE "ConcernStatusChange" VALIDATE CONSTRAINT "ConcernStatusChange_changedById_fkey";
ALTER TABLE "ConcernNote" VALIDATE CONSTRAINT "ConcernNote_authorId_fkey";
ALTER TABLE "ConcernResponse" VALIDATE CONSTRAINT "ConcernResponse_authorId_fkey";
ALTER TABLE "Adoption" VALIDATE CONSTRAINT "Adoption_recordedById_fkey";
ALTER TABLE "AdoptionStatusChange" VALIDATE CONSTRAINT "AdoptionStatusChange_changedById_fkey";
ALTER TABLE "PriorityRound" VALIDATE CONSTRAINT "PriorityRound_openedById_fkey";
ALTER TABLE "PriorityRound" VALIDATE CONSTRAINT "PriorityRound_closedById_fkey";
ALTER TABLE "PriorityCandidate" VALIDATE CONSTRAINT "PriorityCandidate_proposedById_fkey";
ALTER TABLE "PriorityComment" VALIDATE CONSTRAINT "PriorityComment_authorId_fkey";
ALTER TABLE "Event" VALIDATE CONSTRAINT "Event_createdById_fkey";
ALTER TABLE "Concern" VALIDATE CONSTRAINT "Concern_organisationId_collaborativeId_fkey";
ALTER TABLE "Membership" VALIDATE CONSTRAINT "Membership_organisationId_collaborativeId_fkey";
ALTER TABLE "Invitation" VALIDATE CONSTRAINT "Invitation_organisationId_collaborativeId_fkey";
ALTER TABLE "Adoption" VALIDATE CONSTRAINT "Adoption_organisationId_collaborativeId_fkey";
ALTER TABLE "DriverNode" VALIDATE CONSTRAINT "DriverNode_parentId_projectId_fkey";
ALTER TABLE "ChangeIdea" VALIDATE CONSTRAINT "ChangeIdea_driverNodeId_projectId_fkey";
ALTER TABLE "PdsaCycle" VALIDATE CONSTRAINT "PdsaCycle_changeIdeaId_projectId_fkey";
ALTER TABLE "PriorityComment" VALIDATE CONSTRAINT "PriorityComment_candidateId_roundId_fkey";
