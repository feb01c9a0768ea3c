-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "end_reason" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_health_months" (
    "account_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "stage" "Stage" NOT NULL,
    "score" INTEGER,
    "computed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_health_months_pkey" PRIMARY KEY ("account_id","month")
);

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- CreateIndex
CREATE INDEX "account_health_months_month_idx" ON "account_health_months"("month");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_health_months" ADD CONSTRAINT "account_health_months_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each account's last snapshot of each month it has snapshots in.
INSERT INTO "account_health_months" ("account_id", "month", "stage", "score", "computed_at")
SELECT DISTINCT ON (account_id, date_trunc('month', computed_at))
  account_id, date_trunc('month', computed_at)::date, stage, score, computed_at
FROM "health_snapshots"
ORDER BY account_id, date_trunc('month', computed_at), computed_at DESC, id DESC;
