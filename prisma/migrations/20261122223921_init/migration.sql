-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'CIO', 'RELATIONSHIP_MANAGER', 'CLIENT');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('INSUFFICIENT_DATA', 'HEALTHY', 'SNIFFLES', 'FLU', 'PNEUMONIA', 'DEATH_AND_REINCARNATION');

-- CreateEnum
CREATE TYPE "InteractionType" AS ENUM ('MEETING', 'CALL', 'EMAIL', 'WORKSHOP', 'ESCALATION', 'STATUS_UPDATE', 'REVIEW');

-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('VERY_NEGATIVE', 'NEGATIVE', 'NEUTRAL', 'POSITIVE', 'VERY_POSITIVE');

-- CreateEnum
CREATE TYPE "CancelledBy" AS ENUM ('NOBODY', 'IT', 'CLIENT');

-- CreateEnum
CREATE TYPE "Side" AS ENUM ('BUSINESS', 'IT');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "account_id" TEXT,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "last_failed_login_at" TIMESTAMP(3),
    "locked_until" TIMESTAMP(3),
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "executive_sponsor" TEXT NOT NULL,
    "relationship_manager_id" TEXT,
    "criticality" "Criticality" NOT NULL DEFAULT 'MEDIUM',
    "health_stage" "Stage" NOT NULL DEFAULT 'INSUFFICIENT_DATA',
    "health_score" INTEGER,
    "health_confidence" DOUBLE PRECISION,
    "health_since" TIMESTAMP(3),
    "health_computed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interactions" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "type" "InteractionType" NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "sentiment" "Sentiment" NOT NULL DEFAULT 'NEUTRAL',
    "it_on_time" BOOLEAN,
    "it_prepared" BOOLEAN,
    "cancelled_by" "CancelledBy" NOT NULL DEFAULT 'NOBODY',
    "logged_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interaction_attendees" (
    "id" TEXT NOT NULL,
    "interaction_id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "contact_id" TEXT,
    "user_id" TEXT,

    CONSTRAINT "interaction_attendees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quotes" (
    "id" TEXT NOT NULL,
    "interaction_id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quotes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_ups" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "interaction_id" TEXT,
    "description" TEXT NOT NULL,
    "owed_by" "Side" NOT NULL,
    "due_date" DATE NOT NULL,
    "done_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_ups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "overall" INTEGER NOT NULL,
    "recommend" INTEGER NOT NULL,
    "responsiveness" INTEGER,
    "delivery" INTEGER,
    "communication" INTEGER,
    "business_understanding" INTEGER,
    "trust" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_snapshots" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "score" INTEGER,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "health_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "account_id" TEXT,
    "details" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_account_id_idx" ON "users"("account_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_name_key" ON "accounts"("name");

-- CreateIndex
CREATE INDEX "accounts_relationship_manager_id_idx" ON "accounts"("relationship_manager_id");

-- CreateIndex
CREATE INDEX "accounts_health_stage_idx" ON "accounts"("health_stage");

-- CreateIndex
CREATE INDEX "contacts_account_id_idx" ON "contacts"("account_id");

-- CreateIndex
CREATE INDEX "interactions_account_id_occurred_at_idx" ON "interactions"("account_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interactions_occurred_at_idx" ON "interactions"("occurred_at");

-- CreateIndex
CREATE INDEX "interaction_attendees_contact_id_idx" ON "interaction_attendees"("contact_id");

-- CreateIndex
CREATE INDEX "interaction_attendees_user_id_idx" ON "interaction_attendees"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "interaction_attendees_interaction_id_contact_id_key" ON "interaction_attendees"("interaction_id", "contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "interaction_attendees_interaction_id_user_id_key" ON "interaction_attendees"("interaction_id", "user_id");

-- CreateIndex
CREATE INDEX "quotes_interaction_id_idx" ON "quotes"("interaction_id");

-- CreateIndex
CREATE INDEX "follow_ups_account_id_due_date_idx" ON "follow_ups"("account_id", "due_date");

-- CreateIndex
CREATE INDEX "follow_ups_interaction_id_idx" ON "follow_ups"("interaction_id");

-- CreateIndex
CREATE UNIQUE INDEX "ratings_idempotency_key_key" ON "ratings"("idempotency_key");

-- CreateIndex
CREATE INDEX "ratings_account_id_created_at_idx" ON "ratings"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "ratings_created_at_idx" ON "ratings"("created_at");

-- CreateIndex
CREATE INDEX "health_snapshots_account_id_computed_at_idx" ON "health_snapshots"("account_id", "computed_at");

-- CreateIndex
CREATE INDEX "health_snapshots_computed_at_idx" ON "health_snapshots"("computed_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_account_id_created_at_idx" ON "audit_events"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_relationship_manager_id_fkey" FOREIGN KEY ("relationship_manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_logged_by_id_fkey" FOREIGN KEY ("logged_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_attendees" ADD CONSTRAINT "interaction_attendees_interaction_id_fkey" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_attendees" ADD CONSTRAINT "interaction_attendees_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction_attendees" ADD CONSTRAINT "interaction_attendees_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_interaction_id_fkey" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_interaction_id_fkey" FOREIGN KEY ("interaction_id") REFERENCES "interactions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
