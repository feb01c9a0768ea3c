// The texts of the generated history, with their phrase hits computed by the app's own detection
// (lib/scoring/phrases/sources.ts) as the app stores them on save. The SQL generator picks them by
// index, so 200,000 interactions carry realistic hits without running detection 200,000 times.
import { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "../../lib/scoring/phrases/sources";

const COMMENTS = [
  "",
  "",
  "",
  "",
  "Good service this month.",
  "IT just doesn't get it",
  "Thanks for turning the report around so quickly",
  "We've given up waiting for IT; we'll do it ourselves",
  "The new laptop rollout went smoothly.",
  "Nobody told us the system would be down on Monday.",
  "Responsive team, clear communication.",
  "We keep asking for the same fix and nothing happens.",
];

const QUOTES = [
  ["BUSINESS", "IT just doesn't get it"],
  ["BUSINESS", "Thanks for turning the report around so quickly"],
  ["IT", "The business users kept changing their minds"],
  ["BUSINESS", "We've given up waiting for IT; we'll do it ourselves"],
  ["IT", "We will send the plan on Friday"],
  ["BUSINESS", "That was exactly what we needed."],
  ["BUSINESS", "We hired consultants because IT said no."],
  ["IT", "They never come to the steering meetings."],
] as const;

const SUMMARIES = [
  ["Monthly service review", "Reviewed the roadmap, the open incidents and next quarter's priorities."],
  ["Incident follow-up", "Walked through the outage timeline; the business felt they heard about it late."],
  ["Steering committee", "Budget for the CRM upgrade agreed. IT just doesn't get it, said the sponsor about the reporting delays."],
  ["Quick call", "Checked on the data migration; on track."],
  ["Escalation", "The business escalated the delayed release. We've given up waiting for IT, they said."],
  ["Workshop", "Requirements workshop for the new portal; good engagement from both sides."],
  ["Status update", "Weekly status sent; no blockers."],
  ["Quarterly review", "Thanks for turning the report around so quickly: the sponsor was pleased."],
] as const;

const json = (value: unknown) => JSON.stringify(value);

/** Parallel arrays for SQL: text i has hits i (as jsonb text). */
export function textLibrary() {
  return {
    comments: COMMENTS,
    commentHits: COMMENTS.map((text) => json(ratingCommentPhrases(text))),
    quoteSides: QUOTES.map(([side]) => side),
    quoteTexts: QUOTES.map(([, text]) => text),
    quoteHits: QUOTES.map(([side, text]) => json(quotePhrases(text, side))),
    summaries: SUMMARIES.map(([summary]) => summary),
    notes: SUMMARIES.map(([, notes]) => notes),
    interactionHits: SUMMARIES.map(([summary, notes]) => json(interactionTextPhrases(summary, notes))),
  };
}
