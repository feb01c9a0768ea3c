import type { Stage } from "../enums";
import type { Evidence, PhraseHit, Treatment } from "../types";
import { TREATMENTS } from "./catalogue";

const MAX_REASONS = 2;

// Each treatment's signals and phrases as sets, built once: every diagnosis checks each treatment
// against each evidence item and phrase heard.
const INDEXED = TREATMENTS.map((t) => ({ t, signals: new Set(t.when.signals), phraseIds: new Set(t.when.phrases) }));
const NONE: never[] = [];

/** Treatments for the stage and for the specific symptoms, each with the reason it was chosen. */
export function selectTreatments(stage: Stage, evidence: readonly Evidence[], phrases: readonly PhraseHit[]): Treatment[] {
  const symptoms = evidence.filter((e) => e.stage !== "HEALTHY");
  const out: Treatment[] = [];
  for (const { t, signals, phraseIds } of INDEXED) {
    const { stages, stageWhy } = t.when;
    const matched = signals.size === 0 ? NONE : symptoms.filter((e) => signals.has(e.signal));
    const heard = phraseIds.size === 0 ? NONE : phrases.filter((p) => phraseIds.has(p.phraseId));
    const forStage = stage !== "INSUFFICIENT_DATA" && (stages?.includes(stage) ?? false);
    if (!forStage && matched.length === 0 && heard.length === 0) continue;
    const reasons = [
      ...(forStage && stageWhy ? [stageWhy] : []),
      ...matched.slice(0, MAX_REASONS).map((e) => e.message),
      ...(heard.length > 0 ? [`Heard: “${heard[0]!.matchedText}”.`] : []),
    ];
    out.push({
      id: t.id,
      title: t.title,
      action: t.action,
      why: reasons.join(" "),
      article: t.article,
      signals: [...new Set(matched.map((e) => e.signal))].sort(),
    });
  }
  return out;
}
