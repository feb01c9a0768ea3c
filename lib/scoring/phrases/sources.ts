import type { Side } from "../enums";
import type { StoredPhraseHit } from "../input";
import { detectPhrases } from "./match";

// How each kind of record's text is scanned. The app calls these when it saves the text and
// stores the result; the library calls them itself for records stored without hits.

/** A rating's comment is the business speaking. */
export const ratingCommentPhrases = (comment: string | null | undefined): StoredPhraseHit[] =>
  detectPhrases(comment ?? "", "BUSINESS");

/** An interaction's summary and notes are IT's record of either side: each phrase keeps its own side. */
export const interactionTextPhrases = (summary: string | null | undefined, notes: string | null | undefined): StoredPhraseHit[] =>
  detectPhrases([summary ?? "", notes ?? ""]);

/** A quote's speaker is known. */
export const quotePhrases = (text: string, side: Side): StoredPhraseHit[] => detectPhrases(text, side);
