-- CreateEnum
CREATE TYPE "RatingSource" AS ENUM ('APP', 'INVITATION');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('NONE', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('SCHEDULED', 'OPEN', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('INVITATION', 'REMINDER');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "unsubscribed_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ratings" ADD COLUMN     "campaign_id" TEXT,
ADD COLUMN     "contact_id" TEXT,
ADD COLUMN     "source" "RatingSource" NOT NULL DEFAULT 'APP',
ALTER COLUMN "user_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" "CampaignStatus" NOT NULL DEFAULT 'SCHEDULED',
    "opens_at" TIMESTAMP(3) NOT NULL,
    "closes_at" TIMESTAMP(3) NOT NULL,
    "recurrence" "Recurrence" NOT NULL DEFAULT 'NONE',
    "previous_id" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "min_group_size" INTEGER NOT NULL DEFAULT 5,
    "ask_scorecard" BOOLEAN NOT NULL DEFAULT false,
    "link_valid_days" INTEGER NOT NULL DEFAULT 14,
    "reminder_every_days" INTEGER NOT NULL DEFAULT 5,
    "max_reminders" INTEGER NOT NULL DEFAULT 2,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_accounts" (
    "campaign_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "contact_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "campaign_accounts_pkey" PRIMARY KEY ("campaign_id","account_id")
);

-- CreateTable
CREATE TABLE "rating_invitations" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "token_salt" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "skipped_reason" TEXT,
    "sent_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "answered_at" TIMESTAMP(3),
    "rating_id" TEXT,
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "last_reminded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rating_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_scores" (
    "id" TEXT NOT NULL,
    "rating_id" TEXT NOT NULL,
    "core_system_id" TEXT NOT NULL,
    "importance" INTEGER NOT NULL,
    "satisfaction" INTEGER NOT NULL,

    CONSTRAINT "service_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" TEXT NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "invitation_id" TEXT,
    "to_address" TEXT NOT NULL,
    "to_name" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "transport" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "message_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_previous_id_key" ON "campaigns"("previous_id");

-- CreateIndex
CREATE INDEX "campaigns_status_opens_at_idx" ON "campaigns"("status", "opens_at");

-- CreateIndex
CREATE INDEX "campaigns_status_closes_at_idx" ON "campaigns"("status", "closes_at");

-- CreateIndex
CREATE INDEX "campaign_accounts_account_id_idx" ON "campaign_accounts"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "rating_invitations_token_hash_key" ON "rating_invitations"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "rating_invitations_rating_id_key" ON "rating_invitations"("rating_id");

-- CreateIndex
CREATE INDEX "rating_invitations_contact_id_sent_at_idx" ON "rating_invitations"("contact_id", "sent_at");

-- CreateIndex
CREATE INDEX "rating_invitations_account_id_sent_at_idx" ON "rating_invitations"("account_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "rating_invitations_campaign_id_contact_id_key" ON "rating_invitations"("campaign_id", "contact_id");

-- CreateIndex
CREATE INDEX "service_scores_core_system_id_idx" ON "service_scores"("core_system_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_scores_rating_id_core_system_id_key" ON "service_scores"("rating_id", "core_system_id");

-- CreateIndex
CREATE INDEX "email_messages_status_next_attempt_at_idx" ON "email_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_messages_invitation_id_idx" ON "email_messages"("invitation_id");

-- CreateIndex
CREATE INDEX "email_messages_created_at_idx" ON "email_messages"("created_at");

-- CreateIndex
CREATE INDEX "ratings_campaign_id_idx" ON "ratings"("campaign_id");

-- CreateIndex
CREATE INDEX "ratings_user_id_account_id_created_at_idx" ON "ratings"("user_id", "account_id", "created_at");

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_accounts" ADD CONSTRAINT "campaign_accounts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_accounts" ADD CONSTRAINT "campaign_accounts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_rating_id_fkey" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_scores" ADD CONSTRAINT "service_scores_rating_id_fkey" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_scores" ADD CONSTRAINT "service_scores_core_system_id_fkey" FOREIGN KEY ("core_system_id") REFERENCES "core_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "rating_invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
