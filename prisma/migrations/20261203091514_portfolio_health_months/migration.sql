-- CreateTable
CREATE TABLE "portfolio_health_months" (
    "month" DATE NOT NULL,
    "by_stage" JSONB NOT NULL,
    "score_sum" BIGINT NOT NULL,
    "scored" INTEGER NOT NULL,

    CONSTRAINT "portfolio_health_months_pkey" PRIMARY KEY ("month")
);

-- The rollup caches months that have ended (read side: lib/data/portfolio-months.ts). A write to
-- an ended month of any account (a replayed or as-of diagnosis, a deleted unit's months) or a
-- unit archived or restored empties it from that month on; the reader fills it again. The lock
-- orders the two: a reader filling holds it shared, so a writer waits for its fill and then empties
-- it, and a reader waits for a writer's commit and then reads what it wrote. Writes to the running
-- month, the common case, take no lock (the WHEN clauses). Semicolons inside the bodies are \073
-- (see 20261202181347_actions_alerts_notifications).
CREATE FUNCTION forget_portfolio_months() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''portfolio_health_months''))\073
  IF TG_TABLE_NAME = ''accounts'' THEN
    DELETE FROM portfolio_health_months\073
  ELSIF TG_OP = ''DELETE'' THEN
    DELETE FROM portfolio_health_months WHERE month >= OLD.month\073
  ELSE
    DELETE FROM portfolio_health_months WHERE month >= NEW.month\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER account_health_months_forget_written AFTER INSERT OR UPDATE ON account_health_months
  FOR EACH ROW WHEN (NEW.month < date_trunc('month', now() AT TIME ZONE 'UTC')::date) EXECUTE FUNCTION forget_portfolio_months();
CREATE TRIGGER account_health_months_forget_deleted AFTER DELETE ON account_health_months
  FOR EACH ROW WHEN (OLD.month < date_trunc('month', now() AT TIME ZONE 'UTC')::date) EXECUTE FUNCTION forget_portfolio_months();
CREATE TRIGGER accounts_forget_portfolio_months AFTER UPDATE OF archived_at ON accounts
  FOR EACH ROW WHEN ((OLD.archived_at IS NULL) IS DISTINCT FROM (NEW.archived_at IS NULL)) EXECUTE FUNCTION forget_portfolio_months();
