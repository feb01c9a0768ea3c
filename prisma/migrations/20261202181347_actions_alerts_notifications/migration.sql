-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('STAGE_WORSENED', 'RISK_RISING', 'NEW_SYMPTOM');

-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'ALERT';

-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "notification_id" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "alert_emails" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "actions" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "treatment_id" TEXT,
    "alert_id" TEXT,
    "owner_id" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "visible_to_client" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by_id" TEXT,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_changes" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "from_stage" "Stage",
    "to_stage" "Stage",
    "from_risk" DOUBLE PRECISION,
    "to_risk" DOUBLE PRECISION,
    "new_symptoms" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "message" TEXT NOT NULL,
    "from_stage" "Stage",
    "to_stage" "Stage",
    "risk" DOUBLE PRECISION,
    "signal" TEXT,
    "detected_at" TIMESTAMP(3) NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "alert_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "actions_account_id_status_due_date_idx" ON "actions"("account_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "actions_owner_id_status_due_date_idx" ON "actions"("owner_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "actions_status_closed_at_idx" ON "actions"("status", "closed_at");

-- CreateIndex
CREATE INDEX "actions_alert_id_idx" ON "actions"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_dedupe_key_key" ON "alerts"("dedupe_key");

-- CreateIndex
CREATE INDEX "alerts_account_id_detected_at_idx" ON "alerts"("account_id", "detected_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "notifications_alert_id_idx" ON "notifications"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_alert_id_key" ON "notifications"("user_id", "alert_id");

-- CreateIndex
CREATE INDEX "email_messages_notification_id_idx" ON "email_messages"("notification_id");

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_changes" ADD CONSTRAINT "health_changes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Alerts (docs/decisions/022-actions-and-alerts.md). Every stored diagnosis that moves an
-- account's stage or its risk of the next stage, or brings decisive evidence its comparison did
-- not have, leaves a health_changes row IN ITS OWN TRANSACTION, whatever wrote it (a request's
-- re-diagnosis, the rescore, a replay). The detect-alerts job (lib/alerts) reads the rows, applies
-- the rules and deletes them. Facts here, policy in TypeScript: no thresholds in SQL.
-- The function bodies are E'' strings with each semicolon written \073: Prisma's PostgreSQL
-- driver adapter runs a migration split at every semicolon (adapter-pg executeScript), which would cut
-- a dollar-quoted body apart.
CREATE FUNCTION record_health_summary_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO health_changes (account_id, "at", from_stage, to_stage, from_risk, to_risk)
  VALUES (NEW.id, coalesce(NEW.health_computed_at, CURRENT_TIMESTAMP), OLD.health_stage, NEW.health_stage, OLD.health_risk, NEW.health_risk)\073
  RETURN NULL\073
END ';

CREATE TRIGGER accounts_health_change AFTER UPDATE OF health_stage, health_risk ON accounts
  FOR EACH ROW WHEN (OLD.health_stage IS DISTINCT FROM NEW.health_stage OR OLD.health_risk IS DISTINCT FROM NEW.health_risk)
  EXECUTE FUNCTION record_health_summary_change();

-- Decisive evidence items of the new snapshot whose signal was not decisive in the snapshot it is
-- compared with (the latest that reads differently, kept whole: decision 017). Skipped when that
-- one is compact (nothing to compare with) or when there is none (an account's first diagnosis).
CREATE FUNCTION record_new_symptoms() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  added jsonb\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM health_snapshots p WHERE p.id = NEW.compared_with_id AND jsonb_typeof(p.evidence->''evidence'') = ''array'' AND NOT (p.evidence ? ''compact'')) THEN
    RETURN NULL\073
  END IF\073
  SELECT jsonb_agg(jsonb_build_object(''signal'', e->''signal'', ''stage'', e->''stage'', ''message'', e->''message'') ORDER BY n) INTO added
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW.evidence->''evidence'') = ''array'' THEN NEW.evidence->''evidence'' ELSE ''[]''::jsonb END) WITH ORDINALITY AS x(e, n)
  WHERE e->''decisive'' = ''true''::jsonb
    AND NOT EXISTS (
      SELECT 1 FROM health_snapshots p, jsonb_array_elements(p.evidence->''evidence'') AS pe
      WHERE p.id = NEW.compared_with_id AND pe->''signal'' = e->''signal'' AND pe->''decisive'' = ''true''::jsonb)\073
  IF added IS NOT NULL THEN
    INSERT INTO health_changes (account_id, "at", to_stage, new_symptoms) VALUES (NEW.account_id, NEW.computed_at, NEW.stage, added)\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER health_snapshots_new_symptoms AFTER INSERT ON health_snapshots
  FOR EACH ROW WHEN (NEW.compared_with_id IS NOT NULL)
  EXECUTE FUNCTION record_new_symptoms();
