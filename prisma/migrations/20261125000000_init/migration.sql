-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('NONE', 'NATIONAL', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('PATIENT', 'STAFF', 'LEAD');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'ACTIVE');

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('ACUTE_TRUST', 'MENTAL_HEALTH_TRUST', 'COMMUNITY_SERVICE', 'GP_PRACTICE', 'CARE_HOME', 'AMBULANCE_SERVICE', 'LOCAL_AUTHORITY', 'PATIENT_GROUP', 'UNIVERSITY', 'CHARITY', 'INDUSTRY', 'OTHER');

-- CreateEnum
CREATE TYPE "PriorityKind" AS ENUM ('NATIONAL', 'LOCAL');

-- CreateEnum
CREATE TYPE "PriorityStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('IDEA', 'PLANNING', 'TESTING', 'IMPLEMENTING', 'SPREADING', 'SUSTAINING', 'CLOSED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('DRAFT', 'PORTAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "DriverKind" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "PdsaDecision" AS ENUM ('ADOPT', 'ADAPT', 'ABANDON');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('OUTCOME', 'PROCESS', 'BALANCING');

-- CreateEnum
CREATE TYPE "ImprovementDirection" AS ENUM ('INCREASE', 'DECREASE', 'NEITHER');

-- CreateEnum
CREATE TYPE "MeasurePeriod" AS ENUM ('DAY', 'WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "MeasureValueType" AS ENUM ('NUMBER', 'RATE');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'UNDER_REVIEW', 'LINKED', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReporterRelation" AS ENUM ('PATIENT', 'CARER', 'OTHER');

-- CreateEnum
CREATE TYPE "LearningType" AS ENUM ('CHANGE_IDEA', 'CASE_STUDY', 'RESOURCE', 'LESSON', 'NATIONAL_NOTE');

-- CreateEnum
CREATE TYPE "LearningStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AdoptionStatus" AS ENUM ('CONSIDERING', 'TESTING', 'ADOPTED', 'SUSTAINED', 'NOT_ADOPTED');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CandidateSource" AS ENUM ('NATIONAL', 'CONCERNS', 'PROPOSAL');

-- CreateEnum
CREATE TYPE "ParticipantGroup" AS ENUM ('PATIENT_CARER', 'STAFF');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "passwordHash" TEXT,
    "globalRole" "GlobalRole" NOT NULL DEFAULT 'NONE',
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "organisationId" TEXT,
    "role" "MembershipRole" NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "jobTitle" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "organisationId" TEXT,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "collaborativeId" TEXT,
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collaborative" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leadAhsn2014" TEXT NOT NULL,
    "nameSince2023" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "allowedEmailDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "acknowledgementDays" INTEGER NOT NULL DEFAULT 5,
    "contactRetentionMonths" INTEGER NOT NULL DEFAULT 12,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Collaborative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostcodeArea" (
    "code" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "alsoPossible" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "PostcodeArea_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "odsCode" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityArea" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "PriorityKind" NOT NULL,
    "status" "PriorityStatus" NOT NULL DEFAULT 'ACTIVE',
    "collaborativeId" TEXT,
    "roundId" TEXT,
    "rationale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriorityArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayStage" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PathwayStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "aimWhat" TEXT NOT NULL DEFAULT '',
    "aimHowMuch" TEXT NOT NULL DEFAULT '',
    "aimByWhen" DATE,
    "startDate" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ProjectStatus" NOT NULL DEFAULT 'IDEA',
    "closedReason" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'DRAFT',
    "learningSummary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectOrganisation" (
    "projectId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    CONSTRAINT "ProjectOrganisation_pkey" PRIMARY KEY ("projectId","organisationId")
);

-- CreateTable
CREATE TABLE "ProjectPriority" (
    "projectId" TEXT NOT NULL,
    "priorityAreaId" TEXT NOT NULL,

    CONSTRAINT "ProjectPriority_pkey" PRIMARY KEY ("projectId","priorityAreaId")
);

-- CreateTable
CREATE TABLE "ProjectPathwayStage" (
    "projectId" TEXT NOT NULL,
    "pathwayStageId" TEXT NOT NULL,

    CONSTRAINT "ProjectPathwayStage_pkey" PRIMARY KEY ("projectId","pathwayStageId")
);

-- CreateTable
CREATE TABLE "ProjectTeamMember" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProjectTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectStatusChange" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromStatus" "ProjectStatus",
    "toStatus" "ProjectStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriverNode" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "parentId" TEXT,
    "kind" "DriverKind" NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DriverNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeIdea" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "driverNodeId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeIdea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PdsaCycle" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "changeIdeaId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT '',
    "prediction" TEXT NOT NULL DEFAULT '',
    "doNotes" TEXT NOT NULL DEFAULT '',
    "study" TEXT NOT NULL DEFAULT '',
    "act" "PdsaDecision",
    "actNotes" TEXT NOT NULL DEFAULT '',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PdsaCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL DEFAULT '',
    "direction" "ImprovementDirection" NOT NULL DEFAULT 'NEITHER',
    "target" DOUBLE PRECISION,
    "period" "MeasurePeriod" NOT NULL DEFAULT 'MONTH',
    "valueType" "MeasureValueType" NOT NULL DEFAULT 'NUMBER',
    "rateMultiplier" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "screenOutlierMovingRanges" BOOLEAN NOT NULL DEFAULT false,
    "rebaseDates" DATE[],
    "nationalMetric" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "spcVariation" TEXT,
    "spcAssurance" TEXT,
    "spcLatestSpecialCause" TEXT,
    "spcPointCount" INTEGER NOT NULL DEFAULT 0,
    "spcLatestPeriod" DATE,
    "spcComputedAt" TIMESTAMP(3),

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasurePoint" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasurePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "trackingTokenHash" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "organisationId" TEXT,
    "organisationText" TEXT NOT NULL DEFAULT '',
    "postcodeArea" TEXT,
    "happenedWhen" TEXT NOT NULL DEFAULT '',
    "priorityAreaId" TEXT,
    "pathwayStageId" TEXT,
    "whatHappened" TEXT NOT NULL,
    "impact" TEXT NOT NULL DEFAULT '',
    "whatWouldHaveHelped" TEXT NOT NULL DEFAULT '',
    "reporterRelation" "ReporterRelation" NOT NULL,
    "contactEncrypted" TEXT,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "contactErasedAt" TIMESTAMP(3),
    "reporterId" TEXT,
    "status" "ConcernStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" TEXT,
    "shareable" BOOLEAN NOT NULL DEFAULT false,
    "assignedToId" TEXT,
    "linkedPriorityId" TEXT,
    "linkedProjectId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernStatusChange" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "fromStatus" "ConcernStatus",
    "toStatus" "ConcernStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernNote" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernResponse" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "ConcernResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningItem" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "type" "LearningType" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "resourceUrl" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "LearningStatus" NOT NULL DEFAULT 'DRAFT',
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "featuredAt" TIMESTAMP(3),
    "collaborativeId" TEXT,
    "authorId" TEXT NOT NULL,
    "projectId" TEXT,
    "measureId" TEXT,
    "hasImprovementEvidence" BOOLEAN NOT NULL DEFAULT false,
    "eventId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningItemPriority" (
    "learningItemId" TEXT NOT NULL,
    "priorityAreaId" TEXT NOT NULL,

    CONSTRAINT "LearningItemPriority_pkey" PRIMARY KEY ("learningItemId","priorityAreaId")
);

-- CreateTable
CREATE TABLE "LearningItemPathwayStage" (
    "learningItemId" TEXT NOT NULL,
    "pathwayStageId" TEXT NOT NULL,

    CONSTRAINT "LearningItemPathwayStage_pkey" PRIMARY KEY ("learningItemId","pathwayStageId")
);

-- CreateTable
CREATE TABLE "Adoption" (
    "id" TEXT NOT NULL,
    "learningItemId" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "organisationId" TEXT,
    "projectId" TEXT,
    "measureId" TEXT,
    "status" "AdoptionStatus" NOT NULL DEFAULT 'CONSIDERING',
    "notAdoptedReason" TEXT,
    "recordedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdoptionStatusChange" (
    "id" TEXT NOT NULL,
    "adoptionId" TEXT NOT NULL,
    "fromStatus" "AdoptionStatus",
    "toStatus" "AdoptionStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdoptionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "priorityAreaId" TEXT,
    "learningItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "learningItemId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityRound" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "RoundStatus" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "decisionRationale" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PriorityRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityCandidate" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "source" "CandidateSource" NOT NULL,
    "priorityAreaId" TEXT,
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,
    "proposedById" TEXT,
    "chosen" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriorityCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityComment" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "candidateId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriorityComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "participantGroup" "ParticipantGroup" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotRanking" (
    "ballotId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "BallotRanking_pkey" PRIMARY KEY ("ballotId","candidateId")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "collaborativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "agenda" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRegistration" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "Membership_collaborativeId_role_status_idx" ON "Membership"("collaborativeId", "role", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_collaborativeId_key" ON "Membership"("userId", "collaborativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_collaborativeId_idx" ON "Invitation"("collaborativeId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Collaborative_slug_key" ON "Collaborative"("slug");

-- CreateIndex
CREATE INDEX "Organisation_odsCode_idx" ON "Organisation"("odsCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_collaborativeId_name_key" ON "Organisation"("collaborativeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PriorityArea_slug_key" ON "PriorityArea"("slug");

-- CreateIndex
CREATE INDEX "PriorityArea_collaborativeId_idx" ON "PriorityArea"("collaborativeId");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayStage_slug_key" ON "PathwayStage"("slug");

-- CreateIndex
CREATE INDEX "Project_collaborativeId_status_idx" ON "Project"("collaborativeId", "status");

-- CreateIndex
CREATE INDEX "Project_updatedAt_idx" ON "Project"("updatedAt");

-- CreateIndex
CREATE INDEX "ProjectOrganisation_organisationId_idx" ON "ProjectOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "ProjectPriority_priorityAreaId_idx" ON "ProjectPriority"("priorityAreaId");

-- CreateIndex
CREATE INDEX "ProjectPathwayStage_pathwayStageId_idx" ON "ProjectPathwayStage"("pathwayStageId");

-- CreateIndex
CREATE INDEX "ProjectTeamMember_projectId_idx" ON "ProjectTeamMember"("projectId");

-- CreateIndex
CREATE INDEX "ProjectStatusChange_projectId_changedAt_idx" ON "ProjectStatusChange"("projectId", "changedAt");

-- CreateIndex
CREATE INDEX "DriverNode_projectId_idx" ON "DriverNode"("projectId");

-- CreateIndex
CREATE INDEX "ChangeIdea_projectId_idx" ON "ChangeIdea"("projectId");

-- CreateIndex
CREATE INDEX "PdsaCycle_projectId_startDate_idx" ON "PdsaCycle"("projectId", "startDate");

-- CreateIndex
CREATE INDEX "Measure_projectId_idx" ON "Measure"("projectId");

-- CreateIndex
CREATE INDEX "Measure_spcVariation_idx" ON "Measure"("spcVariation");

-- CreateIndex
CREATE INDEX "Measure_nationalMetric_idx" ON "Measure"("nationalMetric");

-- CreateIndex
CREATE UNIQUE INDEX "MeasurePoint_measureId_periodStart_key" ON "MeasurePoint"("measureId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_reference_key" ON "Concern"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_trackingTokenHash_key" ON "Concern"("trackingTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_idempotencyKey_key" ON "Concern"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Concern_collaborativeId_status_receivedAt_idx" ON "Concern"("collaborativeId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "Concern_receivedAt_idx" ON "Concern"("receivedAt");

-- CreateIndex
CREATE INDEX "Concern_reporterId_idx" ON "Concern"("reporterId");

-- CreateIndex
CREATE INDEX "Concern_linkedProjectId_idx" ON "Concern"("linkedProjectId");

-- CreateIndex
CREATE INDEX "Concern_linkedPriorityId_idx" ON "Concern"("linkedPriorityId");

-- CreateIndex
CREATE INDEX "ConcernStatusChange_concernId_changedAt_idx" ON "ConcernStatusChange"("concernId", "changedAt");

-- CreateIndex
CREATE INDEX "ConcernNote_concernId_idx" ON "ConcernNote"("concernId");

-- CreateIndex
CREATE INDEX "ConcernResponse_concernId_idx" ON "ConcernResponse"("concernId");

-- CreateIndex
CREATE UNIQUE INDEX "LearningItem_slug_key" ON "LearningItem"("slug");

-- CreateIndex
CREATE INDEX "LearningItem_status_publishedAt_idx" ON "LearningItem"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "LearningItem_collaborativeId_status_idx" ON "LearningItem"("collaborativeId", "status");

-- CreateIndex
CREATE INDEX "LearningItem_type_idx" ON "LearningItem"("type");

-- CreateIndex
CREATE INDEX "LearningItemPriority_priorityAreaId_idx" ON "LearningItemPriority"("priorityAreaId");

-- CreateIndex
CREATE INDEX "LearningItemPathwayStage_pathwayStageId_idx" ON "LearningItemPathwayStage"("pathwayStageId");

-- CreateIndex
CREATE INDEX "Adoption_learningItemId_idx" ON "Adoption"("learningItemId");

-- CreateIndex
CREATE INDEX "Adoption_collaborativeId_idx" ON "Adoption"("collaborativeId");

-- CreateIndex
CREATE INDEX "Adoption_createdAt_idx" ON "Adoption"("createdAt");

-- CreateIndex
CREATE INDEX "AdoptionStatusChange_adoptionId_idx" ON "AdoptionStatusChange"("adoptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_priorityAreaId_learningItemId_key" ON "Follow"("userId", "priorityAreaId", "learningItemId");

-- CreateIndex
CREATE INDEX "Comment_learningItemId_createdAt_idx" ON "Comment"("learningItemId", "createdAt");

-- CreateIndex
CREATE INDEX "PriorityRound_collaborativeId_status_idx" ON "PriorityRound"("collaborativeId", "status");

-- CreateIndex
CREATE INDEX "PriorityCandidate_roundId_idx" ON "PriorityCandidate"("roundId");

-- CreateIndex
CREATE INDEX "PriorityComment_roundId_idx" ON "PriorityComment"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_roundId_userId_key" ON "Ballot"("roundId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotRanking_ballotId_rank_key" ON "BallotRanking"("ballotId", "rank");

-- CreateIndex
CREATE INDEX "Event_collaborativeId_startsAt_idx" ON "Event"("collaborativeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventRegistration_eventId_userId_key" ON "EventRegistration"("eventId", "userId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostcodeArea" ADD CONSTRAINT "PostcodeArea_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PriorityRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOrganisation" ADD CONSTRAINT "ProjectOrganisation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOrganisation" ADD CONSTRAINT "ProjectOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPriority" ADD CONSTRAINT "ProjectPriority_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPriority" ADD CONSTRAINT "ProjectPriority_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPathwayStage" ADD CONSTRAINT "ProjectPathwayStage_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPathwayStage" ADD CONSTRAINT "ProjectPathwayStage_pathwayStageId_fkey" FOREIGN KEY ("pathwayStageId") REFERENCES "PathwayStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTeamMember" ADD CONSTRAINT "ProjectTeamMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTeamMember" ADD CONSTRAINT "ProjectTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStatusChange" ADD CONSTRAINT "ProjectStatusChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverNode" ADD CONSTRAINT "DriverNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "DriverNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeIdea" ADD CONSTRAINT "ChangeIdea_driverNodeId_fkey" FOREIGN KEY ("driverNodeId") REFERENCES "DriverNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_changeIdeaId_fkey" FOREIGN KEY ("changeIdeaId") REFERENCES "ChangeIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasurePoint" ADD CONSTRAINT "MeasurePoint_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_pathwayStageId_fkey" FOREIGN KEY ("pathwayStageId") REFERENCES "PathwayStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_linkedPriorityId_fkey" FOREIGN KEY ("linkedPriorityId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_linkedProjectId_fkey" FOREIGN KEY ("linkedProjectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatusChange" ADD CONSTRAINT "ConcernStatusChange_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernNote" ADD CONSTRAINT "ConcernNote_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernResponse" ADD CONSTRAINT "ConcernResponse_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItem" ADD CONSTRAINT "LearningItem_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItem" ADD CONSTRAINT "LearningItem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItem" ADD CONSTRAINT "LearningItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItem" ADD CONSTRAINT "LearningItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItem" ADD CONSTRAINT "LearningItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItemPriority" ADD CONSTRAINT "LearningItemPriority_learningItemId_fkey" FOREIGN KEY ("learningItemId") REFERENCES "LearningItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItemPriority" ADD CONSTRAINT "LearningItemPriority_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItemPathwayStage" ADD CONSTRAINT "LearningItemPathwayStage_learningItemId_fkey" FOREIGN KEY ("learningItemId") REFERENCES "LearningItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningItemPathwayStage" ADD CONSTRAINT "LearningItemPathwayStage_pathwayStageId_fkey" FOREIGN KEY ("pathwayStageId") REFERENCES "PathwayStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_learningItemId_fkey" FOREIGN KEY ("learningItemId") REFERENCES "LearningItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatusChange" ADD CONSTRAINT "AdoptionStatusChange_adoptionId_fkey" FOREIGN KEY ("adoptionId") REFERENCES "Adoption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_learningItemId_fkey" FOREIGN KEY ("learningItemId") REFERENCES "LearningItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_learningItemId_fkey" FOREIGN KEY ("learningItemId") REFERENCES "LearningItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityRound" ADD CONSTRAINT "PriorityRound_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityCandidate" ADD CONSTRAINT "PriorityCandidate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PriorityRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityCandidate" ADD CONSTRAINT "PriorityCandidate_priorityAreaId_fkey" FOREIGN KEY ("priorityAreaId") REFERENCES "PriorityArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityComment" ADD CONSTRAINT "PriorityComment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PriorityRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityComment" ADD CONSTRAINT "PriorityComment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "PriorityCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PriorityRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotRanking" ADD CONSTRAINT "BallotRanking_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotRanking" ADD CONSTRAINT "BallotRanking_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "PriorityCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_collaborativeId_fkey" FOREIGN KEY ("collaborativeId") REFERENCES "Collaborative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit log is append-only in the database itself: no role the application uses can rewrite it.
-- (Quoted body, not $$: Prisma's migration runner splits statements and does not understand dollar quoting.)
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
  RAISE EXCEPTION ''The audit log is append-only: % is not allowed on "AuditEvent"'', TG_OP;
END;
';

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
