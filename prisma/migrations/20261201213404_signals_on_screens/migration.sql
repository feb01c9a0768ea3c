-- CreateEnum
CREATE TYPE "InteractionOutcome" AS ENUM ('HELD', 'CANCELLED', 'UNANSWERED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('SPONSOR', 'DECISION_MAKER', 'BUDGET_HOLDER', 'KEY_USER', 'INFLUENCER', 'OTHER');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StructuralKind" AS ENUM ('METHODOLOGY_ENFORCED', 'BUSINESS_OWN_SOLUTION', 'SHADOW_IT_TEAM', 'OUTSIDE_CONSULTANTS', 'IT_DIRECTIVE_SAYING_NO', 'IT_AVOIDING_CONTACT', 'IT_LEADERSHIP_CHANGE', 'OUTSOURCING_DECISION');

-- CreateEnum
CREATE TYPE "GoalReviewResult" AS ENUM ('MET', 'PARTLY', 'MISSED');

-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "archived_at" TIMESTAMP(3),
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "meeting_cadence_days" INTEGER,
ADD COLUMN     "sponsor_contact_id" TEXT;

-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "influence" "Level" NOT NULL DEFAULT 'MEDIUM',
ADD COLUMN     "interest" "Level" NOT NULL DEFAULT 'MEDIUM',
ADD COLUMN     "left_at" TIMESTAMP(3),
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "role" "ContactRole" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "follow_ups" ADD COLUMN     "delete_reason" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "interactions" ADD COLUMN     "delete_reason" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "outcome" "InteractionOutcome" NOT NULL DEFAULT 'HELD';

-- AlterTable
ALTER TABLE "quotes" ADD COLUMN     "delete_reason" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ratings" ADD COLUMN     "withdraw_reason" TEXT,
ADD COLUMN     "withdrawn_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "deactivated_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "account_ownerships" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "manager_id" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "assigned_by_id" TEXT,

    CONSTRAINT "account_ownerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "core_systems" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "core_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "high_profile" BOOLEAN NOT NULL DEFAULT false,
    "status" "ProjectStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "planned_start" DATE,
    "planned_end" DATE NOT NULL,
    "actual_end" DATE,
    "budget" DECIMAL(14,2),
    "actual_cost" DECIMAL(14,2),
    "scope_delivered_percent" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_status_changes" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "changed_by_id" TEXT,

    CONSTRAINT "project_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_periods" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "core_system_id" TEXT,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "target_percent" DOUBLE PRECISION NOT NULL,
    "attained_percent" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "sla_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "core_system_id" TEXT,
    "title" TEXT NOT NULL,
    "external_ref" TEXT,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "major" BOOLEAN NOT NULL DEFAULT false,
    "heard_from_it_first" BOOLEAN,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analyst_layer_counts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "counted_at" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "analyst_layer_counts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "structural_events" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" "StructuralKind" NOT NULL,
    "occurred_at" DATE NOT NULL,
    "resolved_at" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "size" INTEGER,
    "subject" TEXT,
    "forced" BOOLEAN,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "structural_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "owner_name" TEXT NOT NULL,
    "agreed_at" DATE NOT NULL,
    "review_every_days" INTEGER NOT NULL DEFAULT 90,
    "closed_at" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_reviews" (
    "id" TEXT NOT NULL,
    "goal_id" TEXT NOT NULL,
    "reviewed_at" DATE NOT NULL,
    "result" "GoalReviewResult" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "goal_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bad_news" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "project_id" TEXT,
    "what" TEXT NOT NULL,
    "known_at" TIMESTAMP(3) NOT NULL,
    "told_at" TIMESTAMP(3),
    "told_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "bad_news_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declined_requests" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "declined_at" DATE NOT NULL,
    "reason_explained" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "declined_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "it_assessments" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "assessed_by_id" TEXT,
    "assessed_at" TIMESTAMP(3) NOT NULL,
    "overall" INTEGER NOT NULL,
    "responsiveness" INTEGER,
    "delivery" INTEGER,
    "communication" INTEGER,
    "business_understanding" INTEGER,
    "trust" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "it_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_ownerships_account_id_started_at_idx" ON "account_ownerships"("account_id", "started_at");

-- CreateIndex
CREATE INDEX "account_ownerships_manager_id_idx" ON "account_ownerships"("manager_id");

-- CreateIndex
CREATE INDEX "core_systems_account_id_idx" ON "core_systems"("account_id");

-- CreateIndex
CREATE INDEX "projects_account_id_planned_end_idx" ON "projects"("account_id", "planned_end");

-- CreateIndex
CREATE INDEX "project_status_changes_project_id_changed_at_idx" ON "project_status_changes"("project_id", "changed_at");

-- CreateIndex
CREATE INDEX "sla_periods_account_id_period_end_idx" ON "sla_periods"("account_id", "period_end");

-- CreateIndex
CREATE INDEX "sla_periods_core_system_id_idx" ON "sla_periods"("core_system_id");

-- CreateIndex
CREATE INDEX "incidents_account_id_occurred_at_idx" ON "incidents"("account_id", "occurred_at");

-- CreateIndex
CREATE INDEX "incidents_account_id_external_ref_idx" ON "incidents"("account_id", "external_ref");

-- CreateIndex
CREATE INDEX "incidents_core_system_id_idx" ON "incidents"("core_system_id");

-- CreateIndex
CREATE INDEX "analyst_layer_counts_account_id_counted_at_idx" ON "analyst_layer_counts"("account_id", "counted_at");

-- CreateIndex
CREATE INDEX "structural_events_account_id_occurred_at_idx" ON "structural_events"("account_id", "occurred_at");

-- CreateIndex
CREATE INDEX "goals_account_id_idx" ON "goals"("account_id");

-- CreateIndex
CREATE INDEX "goal_reviews_goal_id_reviewed_at_idx" ON "goal_reviews"("goal_id", "reviewed_at");

-- CreateIndex
CREATE INDEX "bad_news_account_id_known_at_idx" ON "bad_news"("account_id", "known_at");

-- CreateIndex
CREATE INDEX "bad_news_project_id_idx" ON "bad_news"("project_id");

-- CreateIndex
CREATE INDEX "declined_requests_account_id_declined_at_idx" ON "declined_requests"("account_id", "declined_at");

-- CreateIndex
CREATE INDEX "it_assessments_account_id_assessed_at_idx" ON "it_assessments"("account_id", "assessed_at");

-- CreateIndex
CREATE INDEX "accounts_sponsor_contact_id_idx" ON "accounts"("sponsor_contact_id");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_sponsor_contact_id_fkey" FOREIGN KEY ("sponsor_contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_ownerships" ADD CONSTRAINT "account_ownerships_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_ownerships" ADD CONSTRAINT "account_ownerships_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "core_systems" ADD CONSTRAINT "core_systems_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_status_changes" ADD CONSTRAINT "project_status_changes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_status_changes" ADD CONSTRAINT "project_status_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_periods" ADD CONSTRAINT "sla_periods_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_periods" ADD CONSTRAINT "sla_periods_core_system_id_fkey" FOREIGN KEY ("core_system_id") REFERENCES "core_systems"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_core_system_id_fkey" FOREIGN KEY ("core_system_id") REFERENCES "core_systems"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analyst_layer_counts" ADD CONSTRAINT "analyst_layer_counts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "structural_events" ADD CONSTRAINT "structural_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bad_news" ADD CONSTRAINT "bad_news_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bad_news" ADD CONSTRAINT "bad_news_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bad_news" ADD CONSTRAINT "bad_news_told_by_id_fkey" FOREIGN KEY ("told_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declined_requests" ADD CONSTRAINT "declined_requests_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "it_assessments" ADD CONSTRAINT "it_assessments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "it_assessments" ADD CONSTRAINT "it_assessments_assessed_by_id_fkey" FOREIGN KEY ("assessed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: nothing recorded before this migration is lost.
-- Each account's free-text executive sponsor ("Margaret Chen, CFO") becomes a sponsor contact.
INSERT INTO "contacts" ("id", "account_id", "name", "title", "role", "influence", "interest", "created_at", "updated_at")
SELECT 'm' || substr(md5(a."id" || ':sponsor'), 1, 24), a."id",
       split_part(a."executive_sponsor", ', ', 1),
       NULLIF(substr(a."executive_sponsor", length(split_part(a."executive_sponsor", ', ', 1)) + 3), ''),
       'SPONSOR', 'HIGH', 'HIGH', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "accounts" a
WHERE btrim(a."executive_sponsor") <> '';
UPDATE "accounts" a SET "sponsor_contact_id" = 'm' || substr(md5(a."id" || ':sponsor'), 1, 24)
WHERE btrim(a."executive_sponsor") <> '';
ALTER TABLE "accounts" DROP COLUMN "executive_sponsor";

-- A cancellation recorded before outcomes existed stays a cancellation.
UPDATE "interactions" SET "outcome" = 'CANCELLED' WHERE "cancelled_by" <> 'NOBODY';

-- The current relationship manager has owned the relationship since the account was created.
INSERT INTO "account_ownerships" ("id", "account_id", "manager_id", "started_at")
SELECT 'o' || substr(md5(a."id" || ':owner'), 1, 24), a."id", a."relationship_manager_id", a."created_at"
FROM "accounts" a;
