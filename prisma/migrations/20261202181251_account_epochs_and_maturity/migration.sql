-- CreateEnum
CREATE TYPE "EpochReason" AS ENUM ('NEW_IT_LEADERSHIP', 'NEW_RELATIONSHIP_MANAGER', 'OUTSOURCING_CHANGE', 'OTHER');

-- CreateEnum
CREATE TYPE "MaturityLevel" AS ENUM ('ORDER_TAKER', 'SERVICE_PROVIDER', 'TRUSTED_ADVISOR', 'STRATEGIC_PARTNER');

-- CreateTable
CREATE TABLE "account_epochs" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "reason_kind" "EpochReason" NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "account_epochs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maturity_assessments" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "level" "MaturityLevel" NOT NULL,
    "assessed_at" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "assessed_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMP(3),
    "delete_reason" TEXT,

    CONSTRAINT "maturity_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_epochs_account_id_starts_at_idx" ON "account_epochs"("account_id", "starts_at");

-- CreateIndex
CREATE INDEX "maturity_assessments_account_id_side_assessed_at_idx" ON "maturity_assessments"("account_id", "side", "assessed_at");

-- AddForeignKey
ALTER TABLE "account_epochs" ADD CONSTRAINT "account_epochs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_epochs" ADD CONSTRAINT "account_epochs_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maturity_assessments" ADD CONSTRAINT "maturity_assessments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maturity_assessments" ADD CONSTRAINT "maturity_assessments_assessed_by_id_fkey" FOREIGN KEY ("assessed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
