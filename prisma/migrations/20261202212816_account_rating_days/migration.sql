-- CreateTable
CREATE TABLE "account_rating_days" (
    "account_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "overall_sum" INTEGER NOT NULL,
    "recommend_sum" INTEGER NOT NULL,
    "promoters" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,
    "responsiveness_count" INTEGER NOT NULL,
    "responsiveness_sum" INTEGER NOT NULL,
    "delivery_count" INTEGER NOT NULL,
    "delivery_sum" INTEGER NOT NULL,
    "communication_count" INTEGER NOT NULL,
    "communication_sum" INTEGER NOT NULL,
    "business_understanding_count" INTEGER NOT NULL,
    "business_understanding_sum" INTEGER NOT NULL,
    "trust_count" INTEGER NOT NULL,
    "trust_sum" INTEGER NOT NULL,

    CONSTRAINT "account_rating_days_pkey" PRIMARY KEY ("account_id","day")
);

-- AddForeignKey
ALTER TABLE "account_rating_days" ADD CONSTRAINT "account_rating_days_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Kept by the statement that changes ratings (submit, replace, withdraw, invitation answers,
-- deletes, bulk inserts alike): the statement's rows as deltas per (account, UTC day), added to
-- the day's row with ON CONFLICT, so two writers to one day each add their own (a recount from
-- the table would miss the other's uncommitted rating). A withdrawn rating counts for nothing, a
-- day left with none is removed. One function for the three statement triggers (a trigger with
-- transition tables takes one event), its body is an E-string with each semicolon written \073
-- (see 20261202181347_actions_alerts_notifications).
CREATE FUNCTION apply_rating_day_deltas() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  src text\073
  changed constant text := ''(o.account_id, o.created_at, o.withdrawn_at IS NULL, o.overall, o.recommend, o.responsiveness, o.delivery,
    o.communication, o.business_understanding, o.trust) IS DISTINCT FROM (n.account_id, n.created_at, n.withdrawn_at IS NULL, n.overall,
    n.recommend, n.responsiveness, n.delivery, n.communication, n.business_understanding, n.trust)''\073
BEGIN
  src := CASE TG_OP
    WHEN ''INSERT'' THEN ''SELECT 1 AS sign, * FROM new_rows''
    WHEN ''DELETE'' THEN ''SELECT -1 AS sign, * FROM old_rows''
    ELSE format(''SELECT 1 AS sign, n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE %s
                  UNION ALL SELECT -1 AS sign, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE %s'', changed, changed) END\073
  EXECUTE format(''
    INSERT INTO account_rating_days AS d (account_id, day, count, overall_sum, recommend_sum, promoters, detractors,
      responsiveness_count, responsiveness_sum, delivery_count, delivery_sum, communication_count, communication_sum,
      business_understanding_count, business_understanding_sum, trust_count, trust_sum)
    SELECT r.account_id, r.created_at::date, sum(r.sign), sum(r.sign * r.overall), sum(r.sign * r.recommend),
      sum(r.sign * (r.recommend >= 9)::int), sum(r.sign * (r.recommend <= 6)::int),
      sum(r.sign * (r.responsiveness IS NOT NULL)::int), sum(r.sign * coalesce(r.responsiveness, 0)),
      sum(r.sign * (r.delivery IS NOT NULL)::int), sum(r.sign * coalesce(r.delivery, 0)),
      sum(r.sign * (r.communication IS NOT NULL)::int), sum(r.sign * coalesce(r.communication, 0)),
      sum(r.sign * (r.business_understanding IS NOT NULL)::int), sum(r.sign * coalesce(r.business_understanding, 0)),
      sum(r.sign * (r.trust IS NOT NULL)::int), sum(r.sign * coalesce(r.trust, 0))
    FROM (%s) r
    -- An account being deleted takes its ratings and its days with it: nothing to add.
    WHERE r.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.account_id)
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (account_id, day) DO UPDATE SET
      count = d.count + excluded.count, overall_sum = d.overall_sum + excluded.overall_sum,
      recommend_sum = d.recommend_sum + excluded.recommend_sum, promoters = d.promoters + excluded.promoters,
      detractors = d.detractors + excluded.detractors,
      responsiveness_count = d.responsiveness_count + excluded.responsiveness_count, responsiveness_sum = d.responsiveness_sum + excluded.responsiveness_sum,
      delivery_count = d.delivery_count + excluded.delivery_count, delivery_sum = d.delivery_sum + excluded.delivery_sum,
      communication_count = d.communication_count + excluded.communication_count, communication_sum = d.communication_sum + excluded.communication_sum,
      business_understanding_count = d.business_understanding_count + excluded.business_understanding_count,
      business_understanding_sum = d.business_understanding_sum + excluded.business_understanding_sum,
      trust_count = d.trust_count + excluded.trust_count, trust_sum = d.trust_sum + excluded.trust_sum'', src)\073
  EXECUTE format(''DELETE FROM account_rating_days d USING (SELECT DISTINCT account_id, created_at::date AS day FROM (%s) r) x
    WHERE d.account_id = x.account_id AND d.day = x.day AND d.count = 0'', src)\073
  RETURN NULL\073
END';

CREATE TRIGGER ratings_days_insert AFTER INSERT ON ratings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_rating_day_deltas();
CREATE TRIGGER ratings_days_update AFTER UPDATE ON ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_rating_day_deltas();
CREATE TRIGGER ratings_days_delete AFTER DELETE ON ratings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_rating_day_deltas();

-- Backfill: every account's ratings so far, as the triggers would have kept them.
INSERT INTO account_rating_days (account_id, day, count, overall_sum, recommend_sum, promoters, detractors,
  responsiveness_count, responsiveness_sum, delivery_count, delivery_sum, communication_count, communication_sum,
  business_understanding_count, business_understanding_sum, trust_count, trust_sum)
SELECT account_id, created_at::date, count(*), sum(overall), sum(recommend), count(*) FILTER (WHERE recommend >= 9),
  count(*) FILTER (WHERE recommend <= 6),
  count(responsiveness), coalesce(sum(responsiveness), 0), count(delivery), coalesce(sum(delivery), 0),
  count(communication), coalesce(sum(communication), 0), count(business_understanding), coalesce(sum(business_understanding), 0),
  count(trust), coalesce(sum(trust), 0)
FROM ratings WHERE withdrawn_at IS NULL
GROUP BY 1, 2;
