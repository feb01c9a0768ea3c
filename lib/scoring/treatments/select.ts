import type { Stage } from "../enums";
import type { Evidence, PhraseHit, Treatment } from "../types";
import { TREATMENTS } from "./catalogue";

const MAX_REASONS = 2;

/** Treatments for the stage and for the specific symptoms, each with the reason it was chosen. */
export function selectTreatments(stage: Stage, evidence: readonly Evidence[], phrases: readonly PhraseHit[]): Treatment[] {
  const symptoms = evidence.filter((e) => e.stage !== "HEALTHY");
  const out: Treatment[] = [];
  for (const t of TREATMENTS) {
    const { stages, stageWhy, signals = [], phrases: phraseIds = [] } = t.when;
    const matched = symptoms.filter((e) => signals.includes(e.signal));
    const heard = phrases.filter((p) => phraseIds.includes(p.phraseId));
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
