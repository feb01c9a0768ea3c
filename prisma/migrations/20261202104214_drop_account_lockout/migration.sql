-- Sign-in no longer locks accounts (decision 012): guesses are throttled per address and per
-- address + account in rate_limits, so the per-user failure counter and lock are gone.
-- AlterTable
ALTER TABLE "users" DROP COLUMN "failed_login_count",
DROP COLUMN "last_failed_login_at",
DROP COLUMN "locked_until";
