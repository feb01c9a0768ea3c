// The texts of the generated history, with their phrase hits computed by the app's own detection
// (lib/scoring/phrases/sources.ts) as the app stores them on save. The SQL generator picks them by
// tier and index, so 200,000 interactions carry realistic hits without running detection 200,000
// times. A text's tier is the most advanced stage its hits point to (0: none), so a healthy
// account's texts come from tier 0 and a sick one's from the tiers up to its sickness.
import { severity } from "../../lib/scoring/enums";
import type { Side } from "../../lib/scoring/enums";
import { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "../../lib/scoring/phrases/sources";

const COMMENTS = [
  "Good service this month.",
  "Thanks for turning the report around so quickly",
  "The new laptop rollout went smoothly.",
  "Responsive team, clear communication.",
  "Nobody told us the system would be down on Monday.",
  "IT just doesn't get it",
  "We keep asking for the same fix and nothing happens. IT just doesn't get it.",
  "We've given up waiting for IT; we'll do it ourselves",
  "Our guys are way better than IT",
  "Maybe we should outsource the IT department",
];

const QUOTES: [Side, string][] = [
  ["BUSINESS", "Thanks for turning the report around so quickly"],
  ["IT", "We will send the plan on Friday"],
  ["BUSINESS", "That was exactly what we needed."],
  ["BUSINESS", "IT just doesn't get it"],
  ["IT", "The business users kept changing their minds"],
  ["BUSINESS", "We've given up waiting for IT; we'll do it ourselves"],
  ["BUSINESS", "We should fire the IT team and give their budget to my team"],
  ["IT", "We're no longer supporting any systems we didn't create"],
  ["BUSINESS", "I'm not using IT anymore; I'm going to outside consultants"],
  ["IT", "I've stopped answering the phone when I know it's my business client"],
];

const SUMMARIES: [string, string][] = [
  ["Monthly service review", "Reviewed the roadmap, the open incidents and next quarter's priorities."],
  ["Quick call", "Checked on the data migration; on track."],
  ["Workshop", "Requirements workshop for the new portal; good engagement from both sides."],
  ["Status update", "Weekly status sent; no blockers."],
  ["Quarterly review", "Thanks for turning the report around so quickly: the sponsor was pleased."],
  ["Incident follow-up", "Walked through the outage timeline; the business felt they heard about it late."],
  ["Steering committee", "Budget for the CRM upgrade agreed. IT just doesn't get it, said the sponsor about the reporting delays."],
  ["Escalation", "The business escalated the delayed release. We've given up waiting for IT, they said."],
  ["Budget meeting", "The sponsor said: my guys are way better, we should fire the IT team and give their budget to my team."],
  ["Exit conversation", "Maybe we should outsource the IT department, said the sponsor."],
];

const json = (value: unknown) => JSON.stringify(value);
type Hits = ReturnType<typeof quotePhrases>;
const tierOf = (hits: Hits) => Math.max(0, ...hits.map((hit) => severity(hit.stage)));

/** Columns for one unnest: each text's tier (0–4), its index within the tier (1-based), and its hits as jsonb text. */
function tiered<T>(items: T[], hitsOf: (item: T) => Hits) {
  const hits = items.map(hitsOf);
  const tiers = hits.map(tierOf);
  const seen = [0, 0, 0, 0, 0];
  const index = tiers.map((tier) => ++seen[tier]!);
  // The generator picks "text k of tier t" for every tier: each must have one.
  if (seen.some((n) => n === 0)) throw new Error(`bench texts: a tier has no text (${seen.join(", ")})`);
  return { tiers, index, hits: hits.map(json), perTier: seen };
}

/** Parallel arrays for SQL. */
export function textLibrary() {
  return {
    comments: { texts: COMMENTS, ...tiered(COMMENTS, (text) => ratingCommentPhrases(text)) },
    quotes: { sides: QUOTES.map(([side]) => side), texts: QUOTES.map(([, text]) => text), ...tiered(QUOTES, ([side, text]) => quotePhrases(text, side)) },
    interactions: {
      summaries: SUMMARIES.map(([summary]) => summary),
      notes: SUMMARIES.map(([, notes]) => notes),
      ...tiered(SUMMARIES, ([summary, notes]) => interactionTextPhrases(summary, notes)),
    },
  };
}
