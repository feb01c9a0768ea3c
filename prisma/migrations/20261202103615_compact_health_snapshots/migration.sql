-- AlterTable
ALTER TABLE "health_snapshots" ADD COLUMN     "change" JSONB,
ADD COLUMN     "compared_with_id" TEXT;

-- Each account's latest snapshot points at the one the account page compares it with: the latest
-- earlier snapshot whose stage, score, confidence, observations or evidence as worded differ
-- (lib/health/snapshot.ts, compared()).
CREATE FUNCTION pg_temp.compared(d jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('stage', d->'stage', 'score', d->'score', 'confidence', d->'confidence', 'observations', d->'observations',
    'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object('signal', e->'signal', 'stage', e->'stage', 'message', e->'message') ORDER BY n), '[]')
                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d->'evidence') = 'array' THEN d->'evidence' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(e, n)))
$$;

WITH latest AS (
  SELECT DISTINCT ON (account_id) id, account_id, computed_at, evidence FROM "health_snapshots"
  ORDER BY account_id, computed_at DESC, id DESC
)
UPDATE "health_snapshots" AS h SET "compared_with_id" = (
  SELECT p.id FROM "health_snapshots" p
  WHERE p.account_id = l.account_id AND p.computed_at < l.computed_at AND pg_temp.compared(p.evidence) IS DISTINCT FROM pg_temp.compared(l.evidence)
  ORDER BY p.computed_at DESC, p.id DESC LIMIT 1)
FROM latest l WHERE h.id = l.id;

-- Every other snapshot keeps what the score chart reads of it (each item's signal, stage, weight,
-- message and first record) and the parts compared(): about a third of the whole diagnosis.
UPDATE "health_snapshots" AS h SET "evidence" = jsonb_build_object(
  'compact', true,
  'stage', h.evidence->'stage', 'score', h.evidence->'score', 'confidence', h.evidence->'confidence',
  'observations', h.evidence->'observations',
  'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object('signal', e->'signal', 'stage', e->'stage', 'weight', e->'weight', 'message', e->'message',
                 'sourceIds', jsonb_path_query_array(e->'sourceIds', '$[0]')) ORDER BY n), '[]')
               FROM jsonb_array_elements(CASE WHEN jsonb_typeof(h.evidence->'evidence') = 'array' THEN h.evidence->'evidence' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(e, n)))
WHERE NOT (h.evidence ? 'compact')
  AND h.id NOT IN (SELECT DISTINCT ON (account_id) id FROM "health_snapshots" ORDER BY account_id, computed_at DESC, id DESC)
  AND h.id NOT IN (SELECT "compared_with_id" FROM "health_snapshots" WHERE "compared_with_id" IS NOT NULL);
