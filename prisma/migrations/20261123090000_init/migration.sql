-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- Extensions that ship with PostgreSQL: trigram and accent-free matching for tolerant child search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('SCHOOL', 'POLICE', 'HEALTH', 'SOCIAL_CARE', 'EARLY_HELP', 'PARTNERSHIP', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD', 'POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER', 'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR', 'SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE', 'EARLY_HELP_PRACTITIONER', 'BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'PARTNERSHIP_ADMIN', 'IG_LEAD');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');

-- CreateEnum
CREATE TYPE "Rag" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "ClockKind" AS ENUM ('CALENDAR_HOURS', 'WORKING_HOURS', 'WORKING_DAYS');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "ChildStatusKind" AS ENUM ('CHILD_PROTECTION_PLAN', 'CHILD_IN_NEED', 'LOOKED_AFTER');

-- CreateEnum
CREATE TYPE "ChildLinkKind" AS ENUM ('POSSIBLE_DUPLICATE', 'SAME_CHILD', 'SIBLING');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('ALLOCATED_SOCIAL_WORKER', 'LEAD_PROFESSIONAL', 'KEY_WORKER');

-- CreateEnum
CREATE TYPE "EntryKind" AS ENUM ('CONCERN', 'POLICE_INCIDENT', 'POLICE_INTELLIGENCE', 'HEALTH_CONTACT', 'SOCIAL_CARE_RECORD', 'EARLY_HELP_RECORD', 'ENCOMPASS_NOTIFICATION', 'INFORMATION_RESPONSE', 'FRONT_DOOR_DECISION', 'DISAGREEMENT_OUTCOME', 'STATUS_CHANGE', 'OTHER');

-- CreateEnum
CREATE TYPE "ConcernCategory" AS ENUM ('PHYSICAL_ABUSE', 'EMOTIONAL_ABUSE', 'SEXUAL_ABUSE', 'NEGLECT', 'DOMESTIC_ABUSE', 'CHILD_SEXUAL_EXPLOITATION', 'CHILD_CRIMINAL_EXPLOITATION', 'RADICALISATION', 'FGM', 'ONLINE_SAFETY', 'MENTAL_HEALTH', 'SELF_HARM', 'MISSING_FROM_EDUCATION', 'MISSING_FROM_HOME', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'IMMEDIATE');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('OPEN', 'REFERRED', 'DECIDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "FrontDoorDecision" AS ENUM ('NO_FURTHER_ACTION', 'ADVICE_OR_SIGNPOSTING', 'EARLY_HELP', 'SECTION_17_ASSESSMENT', 'STRATEGY_DISCUSSION_SECTION_47', 'IMMEDIATE_PROTECTIVE_ACTION');

-- CreateEnum
CREATE TYPE "ShareDecision" AS ENUM ('SHARE', 'NOT_SHARE');

-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS');

-- CreateEnum
CREATE TYPE "SpecialCategoryCondition" AS ENUM ('NONE', 'DPA_SCH1_PARA18_SAFEGUARDING', 'DPA_SCH1_PARA6_STATUTORY', 'DPA_SCH1_PARA2_HEALTH_OR_SOCIAL_CARE', 'DPA_SCH8_PARA4_SAFEGUARDING', 'DPA_SCH8_PARA1_STATUTORY', 'ART9_2_C_VITAL_INTERESTS', 'ART9_2_H_HEALTH_OR_SOCIAL_CARE');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('GIVEN', 'REFUSED', 'NOT_SOUGHT');

-- CreateEnum
CREATE TYPE "ConsentNotSoughtReason" AS ENUM ('UNSAFE', 'WOULD_PREJUDICE_PROTECTION', 'CANNOT_REASONABLY_BE_OBTAINED');

-- CreateEnum
CREATE TYPE "InformationRequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LadderSide" AS ENUM ('RAISER', 'RESPONDER', 'PARTNERSHIP');

-- CreateEnum
CREATE TYPE "DisagreementStatus" AS ENUM ('OPEN', 'RESOLVED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('STANDARD', 'URGENT');

-- CreateEnum
CREATE TYPE "StageExit" AS ENUM ('RESOLVED', 'WITHDRAWN', 'ESCALATED_BY_HAND', 'ESCALATED_BY_CLOCK');

-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('DISCUSSION', 'RESPONSE', 'DECISION');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('STAGE_REMINDER', 'STAGE_EXPIRY', 'STAGE_ESCALATION', 'REFERRAL_DECISION_DUE', 'INFORMATION_REQUEST_DUE_SOON', 'INFORMATION_REQUEST_DUE', 'ENCOMPASS_DUE', 'SHARE_EXPIRY', 'BREAK_GLASS_EXPIRY', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeadlineState" AS ENUM ('PENDING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'IN_APP');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD_FOR_DIGEST', 'CANCELLED');

-- CreateTable
CREATE TABLE "partnership" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "holidayRegion" TEXT NOT NULL DEFAULT 'GB-ENG',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "officeOpensMinute" INTEGER NOT NULL DEFAULT 540,
    "officeClosesMinute" INTEGER NOT NULL DEFAULT 1020,
    "frontDoorDecisionWorkingDays" INTEGER NOT NULL DEFAULT 1,
    "breakGlassMinutes" INTEGER NOT NULL DEFAULT 240,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "agencyType" "AgencyType" NOT NULL,
    "externalCode" TEXT,
    "leadPartner" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "jobTitle" TEXT,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "mfaSecret" TEXT,
    "notificationDelivery" "NotificationDelivery" NOT NULL DEFAULT 'IMMEDIATE',
    "digestMinute" INTEGER NOT NULL DEFAULT 480,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "userAgent" TEXT,
    "ipAddress" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "emailDigest" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("emailDigest")
);

-- CreateTable
CREATE TABLE "closure_day" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "closure_day_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rag_deadline" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "rag" "Rag" NOT NULL,
    "amount" INTEGER NOT NULL,
    "clock" "ClockKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rag_deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "otherNames" TEXT,
    "preferredName" TEXT,
    "dateOfBirth" DATE NOT NULL,
    "gender" "Gender" NOT NULL DEFAULT 'NOT_KNOWN',
    "nhsNumber" TEXT,
    "upn" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "town" TEXT,
    "postcode" TEXT,
    "schoolId" UUID,
    "searchName" TEXT NOT NULL,
    "mergedIntoId" UUID,
    "mergedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdByOrganisationId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_status_period" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "kind" "ChildStatusKind" NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "child_status_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_revision" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_link" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "linkedChildId" UUID NOT NULL,
    "kind" "ChildLinkKind" NOT NULL,
    "linkedById" UUID NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_assignment" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "child_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_concern_category" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "partnership_concern_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chronology_entry" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "EntryKind" NOT NULL,
    "categories" "ConcernCategory"[],
    "customCategories" TEXT[],
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,
    "detail" TEXT,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chronology_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entry_revision" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "correctedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entry_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "concern" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "raisedById" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "childsWords" TEXT,
    "actionTaken" TEXT,
    "riskLevel" "RiskLevel" NOT NULL,
    "dslInformed" BOOLEAN NOT NULL,
    "status" "ConcernStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "concernId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "fromOrganisationId" UUID NOT NULL,
    "toOrganisationId" UUID NOT NULL,
    "referredById" UUID NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decisionDueAt" TIMESTAMPTZ(3) NOT NULL,
    "decision" "FrontDoorDecision",
    "decisionRationale" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedWithinTime" BOOLEAN,
    "referrerNotifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "sharingOrganisationId" UUID NOT NULL,
    "decision" "ShareDecision" NOT NULL,
    "recipientOrganisationId" UUID,
    "recipientUserId" UUID,
    "whatShared" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "lawfulBasis" "LawfulBasis",
    "specialCategoryCondition" "SpecialCategoryCondition",
    "consentStatus" "ConsentStatus",
    "consentNotSoughtReason" "ConsentNotSoughtReason",
    "consentNote" TEXT,
    "reasonNotShared" TEXT,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "revokeReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "childId" UUID NOT NULL,
    "requestingOrganisationId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "rag" "Rag" NOT NULL,
    "question" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "InformationRequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "information_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request_recipient" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "respondedById" UUID,
    "response" TEXT,
    "nothingHeld" BOOLEAN,
    "responseEntryId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "information_request_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encompass_notification" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "childId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "policeOrganisationId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "policeReference" TEXT NOT NULL,
    "incidentAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT NOT NULL,
    "childPresent" BOOLEAN NOT NULL,
    "childsVoice" TEXT,
    "circumstances" TEXT NOT NULL,
    "dueBy" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "encompass_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restriction" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "childId" UUID,
    "entryId" UUID,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "restriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restriction_member" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "restrictionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "restriction_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "break_glass_grant" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewOutcome" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "break_glass_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_ladder" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "urgentPathEnabled" BOOLEAN NOT NULL DEFAULT true,
    "urgentLimitHours" INTEGER NOT NULL DEFAULT 4,
    "createdById" UUID,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_ladder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ladder_stage" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "ladderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "raiserRoles" "Role"[],
    "responderRoles" "Role"[],
    "partnershipRoles" "Role"[],
    "limitAmount" INTEGER NOT NULL,
    "limitClock" "ClockKind" NOT NULL,
    "reminderPercents" INTEGER[],
    "notifyNextOnExpiry" BOOLEAN NOT NULL DEFAULT true,
    "escalateAfterGraceWorkingDays" INTEGER,
    "alertLeadPartnersOnExpiry" BOOLEAN NOT NULL DEFAULT false,
    "notifyPartnershipOnEntry" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ladder_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ladder_reason_category" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "ladderId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "redirectTo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ladder_reason_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disagreement" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "childId" UUID NOT NULL,
    "ladderId" UUID NOT NULL,
    "raisedById" UUID NOT NULL,
    "raisingOrganisationId" UUID NOT NULL,
    "respondingOrganisationId" UUID NOT NULL,
    "respondingUserId" UUID,
    "referralId" UUID,
    "decisionChallenged" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "outcomeSought" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'STANDARD',
    "urgentReason" TEXT,
    "immediateRisk" BOOLEAN NOT NULL DEFAULT false,
    "status" "DisagreementStatus" NOT NULL DEFAULT 'OPEN',
    "currentPosition" INTEGER NOT NULL,
    "currentDueAt" TIMESTAMPTZ(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedAtPosition" INTEGER,
    "outcomeStatement" TEXT,
    "learning" TEXT,
    "themes" TEXT[],
    "systemIssueFound" BOOLEAN,
    "systemIssueDetail" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disagreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disagreement_stage" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "disagreementId" UUID NOT NULL,
    "ladderStageId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "overdueAt" TIMESTAMPTZ(3),
    "escalatesAt" TIMESTAMPTZ(3),
    "remindersSent" INTEGER[],
    "exitedAt" TIMESTAMPTZ(3),
    "exit" "StageExit",
    "exitedById" UUID,
    "exitReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disagreement_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disagreement_contribution" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "disagreementId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" "ContributionKind" NOT NULL,
    "discussion" TEXT NOT NULL,
    "decision" TEXT,
    "rationale" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disagreement_contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disagreement_action" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "disagreementId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "ownerUserId" UUID,
    "ownerOrganisationId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disagreement_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "DeadlineState" NOT NULL DEFAULT 'PENDING',
    "handledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_event" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actorUserId" UUID,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "recipientUserId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "messageId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGSERIAL NOT NULL,
    "partnershipId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorOrganisationId" UUID,
    "action" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" UUID,
    "childId" UUID,
    "purpose" TEXT,
    "detail" JSONB,
    "sessionId" UUID,
    "ipAddress" TEXT,
    "prevHash" TEXT NOT NULL DEFAULT '',
    "hash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "partnership_code_key" ON "partnership"("code");

-- CreateIndex
CREATE INDEX "organisation_partnershipId_agencyType_idx" ON "organisation"("partnershipId", "agencyType");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_partnershipId_name_key" ON "organisation"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_id_partnershipId_key" ON "organisation"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "user_partnershipId_organisationId_idx" ON "user"("partnershipId", "organisationId");

-- CreateIndex
CREATE INDEX "user_roles_idx" ON "user" USING GIN ("roles");

-- CreateIndex
CREATE UNIQUE INDEX "user_id_partnershipId_key" ON "user"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "session_tokenHash_key" ON "session"("tokenHash");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "closure_day_partnershipId_date_key" ON "closure_day"("partnershipId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "rag_deadline_partnershipId_rag_key" ON "rag_deadline"("partnershipId", "rag");

-- CreateIndex
CREATE INDEX "child_partnershipId_nhsNumber_idx" ON "child"("partnershipId", "nhsNumber");

-- CreateIndex
CREATE INDEX "child_partnershipId_upn_idx" ON "child"("partnershipId", "upn");

-- CreateIndex
CREATE INDEX "child_partnershipId_dateOfBirth_idx" ON "child"("partnershipId", "dateOfBirth");

-- CreateIndex
CREATE INDEX "child_partnershipId_familyName_dateOfBirth_idx" ON "child"("partnershipId", "familyName", "dateOfBirth");

-- CreateIndex
CREATE INDEX "child_partnershipId_schoolId_idx" ON "child"("partnershipId", "schoolId");

-- CreateIndex
CREATE INDEX "child_mergedIntoId_idx" ON "child"("mergedIntoId");

-- CreateIndex
CREATE INDEX "child_search_name_trgm" ON "child" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "child_id_partnershipId_key" ON "child"("id", "partnershipId");

-- CreateIndex
CREATE INDEX "child_status_period_childId_kind_idx" ON "child_status_period"("childId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "child_revision_childId_version_key" ON "child_revision"("childId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "child_link_childId_linkedChildId_kind_key" ON "child_link"("childId", "linkedChildId", "kind");

-- CreateIndex
CREATE INDEX "child_assignment_userId_endedAt_idx" ON "child_assignment"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "child_assignment_childId_idx" ON "child_assignment"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_concern_category_partnershipId_code_key" ON "partnership_concern_category"("partnershipId", "code");

-- CreateIndex
CREATE INDEX "chronology_entry_childId_occurredAt_id_idx" ON "chronology_entry"("childId", "occurredAt" DESC, "id");

-- CreateIndex
CREATE INDEX "chronology_entry_organisationId_occurredAt_idx" ON "chronology_entry"("organisationId", "occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "chronology_entry_id_partnershipId_key" ON "chronology_entry"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "entry_revision_entryId_version_key" ON "entry_revision"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "concern_entryId_key" ON "concern"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "concern_reference_key" ON "concern"("reference");

-- CreateIndex
CREATE INDEX "concern_organisationId_status_createdAt_idx" ON "concern"("organisationId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "concern_childId_idx" ON "concern"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "concern_entryId_partnershipId_key" ON "concern"("entryId", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "concern_id_partnershipId_key" ON "concern"("id", "partnershipId");

-- CreateIndex
CREATE INDEX "referral_toOrganisationId_decidedAt_decisionDueAt_idx" ON "referral"("toOrganisationId", "decidedAt", "decisionDueAt");

-- CreateIndex
CREATE INDEX "referral_concernId_idx" ON "referral"("concernId");

-- CreateIndex
CREATE INDEX "share_entryId_idx" ON "share"("entryId");

-- CreateIndex
CREATE INDEX "share_recipientOrganisationId_revokedAt_idx" ON "share"("recipientOrganisationId", "revokedAt");

-- CreateIndex
CREATE INDEX "share_recipientUserId_revokedAt_idx" ON "share"("recipientUserId", "revokedAt");

-- CreateIndex
CREATE INDEX "share_childId_idx" ON "share"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "information_request_reference_key" ON "information_request"("reference");

-- CreateIndex
CREATE INDEX "information_request_childId_idx" ON "information_request"("childId");

-- CreateIndex
CREATE INDEX "information_request_requestingOrganisationId_status_dueAt_idx" ON "information_request"("requestingOrganisationId", "status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "information_request_id_partnershipId_key" ON "information_request"("id", "partnershipId");

-- CreateIndex
CREATE INDEX "information_request_recipient_organisationId_respondedAt_du_idx" ON "information_request_recipient"("organisationId", "respondedAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "information_request_recipient_requestId_organisationId_key" ON "information_request_recipient"("requestId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "encompass_notification_reference_key" ON "encompass_notification"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "encompass_notification_entryId_key" ON "encompass_notification"("entryId");

-- CreateIndex
CREATE INDEX "encompass_notification_schoolId_acknowledgedAt_idx" ON "encompass_notification"("schoolId", "acknowledgedAt");

-- CreateIndex
CREATE INDEX "encompass_notification_childId_idx" ON "encompass_notification"("childId");

-- CreateIndex
CREATE INDEX "restriction_childId_liftedAt_idx" ON "restriction"("childId", "liftedAt");

-- CreateIndex
CREATE INDEX "restriction_entryId_liftedAt_idx" ON "restriction"("entryId", "liftedAt");

-- CreateIndex
CREATE UNIQUE INDEX "restriction_id_partnershipId_key" ON "restriction"("id", "partnershipId");

-- CreateIndex
CREATE INDEX "restriction_member_userId_idx" ON "restriction_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "restriction_member_restrictionId_userId_key" ON "restriction_member"("restrictionId", "userId");

-- CreateIndex
CREATE INDEX "break_glass_grant_userId_childId_expiresAt_idx" ON "break_glass_grant"("userId", "childId", "expiresAt");

-- CreateIndex
CREATE INDEX "break_glass_grant_partnershipId_reviewedAt_idx" ON "break_glass_grant"("partnershipId", "reviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_ladder_id_partnershipId_key" ON "escalation_ladder"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_ladder_partnershipId_version_key" ON "escalation_ladder"("partnershipId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ladder_stage_ladderId_position_key" ON "ladder_stage"("ladderId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ladder_stage_id_partnershipId_key" ON "ladder_stage"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "ladder_reason_category_ladderId_code_key" ON "ladder_reason_category"("ladderId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "disagreement_reference_key" ON "disagreement"("reference");

-- CreateIndex
CREATE INDEX "disagreement_partnershipId_status_currentPosition_currentDu_idx" ON "disagreement"("partnershipId", "status", "currentPosition", "currentDueAt");

-- CreateIndex
CREATE INDEX "disagreement_raisingOrganisationId_status_idx" ON "disagreement"("raisingOrganisationId", "status");

-- CreateIndex
CREATE INDEX "disagreement_respondingOrganisationId_status_idx" ON "disagreement"("respondingOrganisationId", "status");

-- CreateIndex
CREATE INDEX "disagreement_childId_idx" ON "disagreement"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "disagreement_id_partnershipId_key" ON "disagreement"("id", "partnershipId");

-- CreateIndex
CREATE INDEX "disagreement_stage_disagreementId_exitedAt_idx" ON "disagreement_stage"("disagreementId", "exitedAt");

-- CreateIndex
CREATE UNIQUE INDEX "disagreement_stage_disagreementId_position_enteredAt_key" ON "disagreement_stage"("disagreementId", "position", "enteredAt");

-- CreateIndex
CREATE INDEX "disagreement_contribution_disagreementId_createdAt_idx" ON "disagreement_contribution"("disagreementId", "createdAt");

-- CreateIndex
CREATE INDEX "disagreement_action_disagreementId_idx" ON "disagreement_action"("disagreementId");

-- CreateIndex
CREATE INDEX "deadline_state_dueAt_idx" ON "deadline"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "deadline_kind_subjectId_key_key" ON "deadline"("kind", "subjectId", "key");

-- CreateIndex
CREATE INDEX "notification_event_subjectType_subjectId_idx" ON "notification_event"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_event_id_partnershipId_key" ON "notification_event"("id", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_idempotencyKey_key" ON "notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "notification_status_nextAttemptAt_idx" ON "notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "notification_recipientUserId_channel_createdAt_idx" ON "notification"("recipientUserId", "channel", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");

-- CreateIndex
CREATE INDEX "audit_event_childId_occurredAt_idx" ON "audit_event"("childId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_event_actorUserId_occurredAt_idx" ON "audit_event"("actorUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_event_partnershipId_action_occurredAt_idx" ON "audit_event"("partnershipId", "action", "occurredAt");

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_organisationId_partnershipId_fkey" FOREIGN KEY ("organisationId", "partnershipId") REFERENCES "organisation"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_partnershipId_fkey" FOREIGN KEY ("userId", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closure_day" ADD CONSTRAINT "closure_day_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rag_deadline" ADD CONSTRAINT "rag_deadline_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child" ADD CONSTRAINT "child_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child" ADD CONSTRAINT "child_schoolId_partnershipId_fkey" FOREIGN KEY ("schoolId", "partnershipId") REFERENCES "organisation"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_status_period" ADD CONSTRAINT "child_status_period_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_revision" ADD CONSTRAINT "child_revision_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_assignment" ADD CONSTRAINT "child_assignment_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_concern_category" ADD CONSTRAINT "partnership_concern_category_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronology_entry" ADD CONSTRAINT "chronology_entry_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronology_entry" ADD CONSTRAINT "chronology_entry_organisationId_partnershipId_fkey" FOREIGN KEY ("organisationId", "partnershipId") REFERENCES "organisation"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chronology_entry" ADD CONSTRAINT "chronology_entry_authorId_partnershipId_fkey" FOREIGN KEY ("authorId", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_revision" ADD CONSTRAINT "entry_revision_entryId_partnershipId_fkey" FOREIGN KEY ("entryId", "partnershipId") REFERENCES "chronology_entry"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "concern" ADD CONSTRAINT "concern_entryId_partnershipId_fkey" FOREIGN KEY ("entryId", "partnershipId") REFERENCES "chronology_entry"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_concernId_partnershipId_fkey" FOREIGN KEY ("concernId", "partnershipId") REFERENCES "concern"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share" ADD CONSTRAINT "share_entryId_partnershipId_fkey" FOREIGN KEY ("entryId", "partnershipId") REFERENCES "chronology_entry"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request_recipient" ADD CONSTRAINT "information_request_recipient_requestId_partnershipId_fkey" FOREIGN KEY ("requestId", "partnershipId") REFERENCES "information_request"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restriction" ADD CONSTRAINT "restriction_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restriction" ADD CONSTRAINT "restriction_entryId_partnershipId_fkey" FOREIGN KEY ("entryId", "partnershipId") REFERENCES "chronology_entry"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restriction_member" ADD CONSTRAINT "restriction_member_restrictionId_partnershipId_fkey" FOREIGN KEY ("restrictionId", "partnershipId") REFERENCES "restriction"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_ladder" ADD CONSTRAINT "escalation_ladder_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ladder_stage" ADD CONSTRAINT "ladder_stage_ladderId_partnershipId_fkey" FOREIGN KEY ("ladderId", "partnershipId") REFERENCES "escalation_ladder"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ladder_reason_category" ADD CONSTRAINT "ladder_reason_category_ladderId_partnershipId_fkey" FOREIGN KEY ("ladderId", "partnershipId") REFERENCES "escalation_ladder"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement" ADD CONSTRAINT "disagreement_ladderId_partnershipId_fkey" FOREIGN KEY ("ladderId", "partnershipId") REFERENCES "escalation_ladder"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement" ADD CONSTRAINT "disagreement_childId_partnershipId_fkey" FOREIGN KEY ("childId", "partnershipId") REFERENCES "child"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement" ADD CONSTRAINT "disagreement_raisedById_partnershipId_fkey" FOREIGN KEY ("raisedById", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement" ADD CONSTRAINT "disagreement_raisingOrganisationId_partnershipId_fkey" FOREIGN KEY ("raisingOrganisationId", "partnershipId") REFERENCES "organisation"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement" ADD CONSTRAINT "disagreement_respondingOrganisationId_partnershipId_fkey" FOREIGN KEY ("respondingOrganisationId", "partnershipId") REFERENCES "organisation"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement_stage" ADD CONSTRAINT "disagreement_stage_disagreementId_partnershipId_fkey" FOREIGN KEY ("disagreementId", "partnershipId") REFERENCES "disagreement"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement_stage" ADD CONSTRAINT "disagreement_stage_ladderStageId_partnershipId_fkey" FOREIGN KEY ("ladderStageId", "partnershipId") REFERENCES "ladder_stage"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement_contribution" ADD CONSTRAINT "disagreement_contribution_disagreementId_partnershipId_fkey" FOREIGN KEY ("disagreementId", "partnershipId") REFERENCES "disagreement"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disagreement_action" ADD CONSTRAINT "disagreement_action_disagreementId_partnershipId_fkey" FOREIGN KEY ("disagreementId", "partnershipId") REFERENCES "disagreement"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_eventId_partnershipId_fkey" FOREIGN KEY ("eventId", "partnershipId") REFERENCES "notification_event"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
