import type { Stage } from "../enums";
import type { Evidence, PhraseHit, Treatment } from "../types";
import { TREATMENTS } from "./catalogue";

const MAX_REASONS = 2;

// Which treatments each signal and each phrase calls for, built once: every diagnosis looks up
// each evidence item and phrase heard once, instead of checking every treatment against each.
function indexBy(keys: (t: (typeof TREATMENTS)[number]) => readonly string[] | undefined): Map<string, number[]> {
  const index = new Map<string, number[]>();
  TREATMENTS.forEach((t, i) => {
    for (const key of keys(t) ?? []) index.set(key, [...(index.get(key) ?? []), i]);
  });
  return index;
}
const BY_SIGNAL = indexBy((t) => t.when.signals);
const BY_PHRASE = indexBy((t) => t.when.phrases);
const NONE: readonly number[] = [];

/** Treatments for the stage and for the specific symptoms, each with the reason it was chosen. */
export function selectTreatments(stage: Stage, evidence: readonly Evidence[], phrases: readonly PhraseHit[]): Treatment[] {
  // Per treatment, the symptoms that call for it (in evidence order) and the first phrase heard.
  const matched: (Evidence[] | undefined)[] = new Array(TREATMENTS.length);
  const heard: (PhraseHit | undefined)[] = new Array(TREATMENTS.length);
  for (const e of evidence) {
    if (e.stage === "HEALTHY") continue;
    for (const i of BY_SIGNAL.get(e.signal) ?? NONE) (matched[i] ??= []).push(e);
  }
  for (const p of phrases) {
    for (const i of BY_PHRASE.get(p.phraseId) ?? NONE) heard[i] ??= p;
  }
  const out: Treatment[] = [];
  // An indexed loop and reasons pushed one by one: a closure and three spreads per treatment
  // cost more than the rest of the selection.
  for (let i = 0; i < TREATMENTS.length; i++) {
    const t = TREATMENTS[i]!;
    const { stages, stageWhy } = t.when;
    const symptoms = matched[i];
    const phrase = heard[i];
    const forStage = stage !== "INSUFFICIENT_DATA" && (stages?.includes(stage) ?? false);
    if (!forStage && symptoms === undefined && !phrase) continue;
    const reasons: string[] = [];
    if (forStage && stageWhy) reasons.push(stageWhy);
    const signals = new Set<string>();
    if (symptoms !== undefined) {
      for (let k = 0; k < symptoms.length; k++) {
        if (k < MAX_REASONS) reasons.push(symptoms[k]!.message);
        signals.add(symptoms[k]!.signal);
      }
    }
    if (phrase) reasons.push(`Heard: “${phrase.matchedText}”.`);
    out.push({
      id: t.id,
      title: t.title,
      action: t.action,
      why: reasons.join(" "),
      article: t.article,
      signals: [...signals].sort(),
    });
  }
  return out;
}
