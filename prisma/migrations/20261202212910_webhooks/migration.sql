-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "webhook_subscriptions" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "event_types" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "account_id" TEXT,
    "data" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupe_key" TEXT,
    "dispatched_at" TIMESTAMP(3),

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMP(3),
    "response_status" INTEGER,
    "response_body" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_dedupe_key_key" ON "webhook_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "webhook_events_dispatched_at_id_idx" ON "webhook_events"("dispatched_at", "id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries"("subscription_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_subscription_id_event_id_key" ON "webhook_deliveries"("subscription_id", "event_id");

-- AddForeignKey
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Webhook events (decision 030), written by triggers in the transaction of the change itself, so
-- a change that rolls back leaves no event and no path that writes these tables is missed. Each
-- writes only while an active subscription wants the type (nothing on the write path otherwise
-- but one indexed look-up). Function bodies are E'' strings with each semicolon written \073
-- (the migration runner splits at semicolons: decision 022).

-- Timestamps in events as ISO 8601 UTC, as JavaScript writes them (the columns hold UTC).
CREATE FUNCTION webhook_time(t timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS
  'SELECT to_char(t, ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')';

CREATE FUNCTION webhook_wanted(event_type text) RETURNS boolean LANGUAGE sql STABLE AS
  'SELECT EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.active AND event_type = ANY (s.event_types))';

-- A rating, unless it answered an anonymous campaign: an event per answer, with its unit and
-- time, would undo the campaign's minimum group size.
CREATE FUNCTION webhook_ratings_received() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''rating.received'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, account_id, data)
  SELECT ''rating.received'', r.account_id, jsonb_build_object(
      ''ratingId'', r.id, ''accountId'', r.account_id, ''accountName'', a.name, ''overall'', r.overall,
      ''recommend'', r.recommend, ''source'', r.source::text, ''campaignId'', r.campaign_id, ''createdAt'', webhook_time(r.created_at))
  FROM added r JOIN accounts a ON a.id = r.account_id LEFT JOIN campaigns c ON c.id = r.campaign_id
  WHERE NOT coalesce(c.anonymous, false)
  ORDER BY r.created_at, r.id\073
  RETURN NULL\073
END ';
CREATE TRIGGER ratings_webhook_received AFTER INSERT ON ratings REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_ratings_received();

-- An interaction: its kind, day and outcome; never its summary, notes or quotes (IT's own words).
CREATE FUNCTION webhook_interactions_logged() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''interaction.logged'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, account_id, data)
  SELECT ''interaction.logged'', i.account_id, jsonb_build_object(
      ''interactionId'', i.id, ''accountId'', i.account_id, ''accountName'', a.name, ''type'', i.type::text,
      ''outcome'', i.outcome::text, ''occurredAt'', webhook_time(i.occurred_at), ''loggedById'', i.logged_by_id)
  FROM added i JOIN accounts a ON a.id = i.account_id
  ORDER BY i.occurred_at, i.id\073
  RETURN NULL\073
END ';
CREATE TRIGGER interactions_webhook_logged AFTER INSERT ON interactions REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_interactions_logged();

-- A stored diagnosis that moved the unit's stage (every path that stores one updates accounts).
CREATE FUNCTION webhook_account_stage_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''account.stage_changed'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, account_id, data) VALUES (''account.stage_changed'', NEW.id, jsonb_build_object(
    ''accountId'', NEW.id, ''accountName'', NEW.name, ''fromStage'', OLD.health_stage::text, ''toStage'', NEW.health_stage::text,
    ''score'', NEW.health_score, ''diagnosedAt'', webhook_time(NEW.health_computed_at)))\073
  RETURN NULL\073
END ';
CREATE TRIGGER accounts_webhook_stage_changed AFTER UPDATE OF health_stage ON accounts
  FOR EACH ROW WHEN (OLD.health_stage IS DISTINCT FROM NEW.health_stage)
  EXECUTE FUNCTION webhook_account_stage_changed();

-- An action closed as done or dropped.
CREATE FUNCTION webhook_action_closed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''action.closed'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, account_id, data) SELECT ''action.closed'', NEW.account_id, jsonb_build_object(
    ''actionId'', NEW.id, ''accountId'', NEW.account_id, ''accountName'', a.name, ''title'', NEW.title, ''status'', NEW.status::text,
    ''ownerId'', NEW.owner_id, ''dueDate'', to_char(NEW.due_date, ''YYYY-MM-DD''), ''closedAt'', webhook_time(NEW.closed_at))
  FROM accounts a WHERE a.id = NEW.account_id\073
  RETURN NULL\073
END ';
CREATE TRIGGER actions_webhook_closed AFTER UPDATE OF status ON actions
  FOR EACH ROW WHEN (OLD.status = 'OPEN' AND NEW.status <> 'OPEN')
  EXECUTE FUNCTION webhook_action_closed();

-- A campaign past its closing date (the campaigns job closes it).
CREATE FUNCTION webhook_campaign_closed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''campaign.closed'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, data) VALUES (''campaign.closed'', jsonb_build_object(
    ''campaignId'', NEW.id, ''name'', NEW.name, ''anonymous'', NEW.anonymous,
    ''accountIds'', coalesce((SELECT jsonb_agg(ca.account_id ORDER BY ca.account_id) FROM campaign_accounts ca WHERE ca.campaign_id = NEW.id), ''[]''::jsonb),
    ''closedAt'', webhook_time(coalesce(NEW.closed_at, CURRENT_TIMESTAMP::timestamp))))\073
  RETURN NULL\073
END ';
CREATE TRIGGER campaigns_webhook_closed AFTER UPDATE OF status ON campaigns
  FOR EACH ROW WHEN (NEW.status = 'CLOSED' AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION webhook_campaign_closed();

-- An alert raised by the detect-alerts job (decision 022).
CREATE FUNCTION webhook_alert_raised() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT webhook_wanted(''alert.raised'') THEN RETURN NULL\073 END IF\073
  INSERT INTO webhook_events (type, account_id, data) VALUES (''alert.raised'', NEW.account_id, jsonb_build_object(
    ''alertId'', NEW.id, ''accountId'', NEW.account_id, ''kind'', NEW.kind::text, ''message'', NEW.message,
    ''fromStage'', NEW.from_stage::text, ''toStage'', NEW.to_stage::text, ''risk'', NEW.risk, ''detectedAt'', webhook_time(NEW.detected_at)))\073
  RETURN NULL\073
END ';
CREATE TRIGGER alerts_webhook_raised AFTER INSERT ON alerts
  FOR EACH ROW EXECUTE FUNCTION webhook_alert_raised();
