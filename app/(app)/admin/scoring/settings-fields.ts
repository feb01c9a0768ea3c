import { z } from "zod";
import { PHRASE_CATALOGUE } from "@/lib/scoring";
import type { ScoringConfig } from "@/lib/scoring";

// The settings form: the main values as labelled fields (labels and help from docs/scoring.md
// "Configuration"), each phrase on or off, and everything else as JSON. Shared by the browser
// (Conform) and the server action. Field names are the config paths with "__" for ".", so that
// the library's errors, named by path, land on their fields.

export interface SettingField {
  path: string;
  label: string;
  hint: string;
  /** Whole numbers only (days, counts). */
  integer?: boolean;
}

export interface SettingGroup {
  title: string;
  fields: SettingField[];
}

const perStage = (path: string, what: string, hint: string): SettingField[] =>
  (["SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"] as const).map((stage) => ({
    path: `${path}.${stage}`,
    label: `${what}: ${stage === "DEATH_AND_REINCARNATION" ? "death and reincarnation" : stage.toLowerCase()}`,
    hint,
  }));

export const SETTING_GROUPS: SettingGroup[] = [
  {
    title: "Windows",
    fields: [
      { path: "windows.recentDays", label: "Recent window (days)", hint: "Ratings, interactions, phrases and follow-ups done within it count. Default 180.", integer: true },
      { path: "windows.trendDays", label: "Rating trend period (days)", hint: "The rating trend compares these latest days with the recent window before them. Default 90.", integer: true },
      { path: "windows.structuralDays", label: "Structural window (days)", hint: "Projects, SLA, incidents, structural events, bad news and IT's own view stay relevant this long. Default 365.", integer: true },
    ],
  },
  {
    title: "Thresholds",
    fields: [
      { path: "minimumObservations", label: "Minimum observations", hint: "Below this many observations in the windows there is no stage: insufficient data. Default 4.", integer: true },
      ...perStage("stages.threshold", "Threshold", "Support (summed evidence weight, this stage and worse) needed to reach the stage. Default 1."),
      { path: "stages.minDistinctSignals", label: "Distinct signals needed", hint: "Distinct signals needed to reach a stage, unless one signal alone carries the threshold. Default 2.", integer: true },
      { path: "stages.healthySupport", label: "Healthy support for full confidence", hint: "Support from healthy evidence that makes “healthy” well supported. Default 1." },
    ],
  },
  {
    title: "Recovery and trend",
    fields: [
      { path: "hysteresis.recoveryDays", label: "Recovery period (days)", hint: "A better stage is adopted only if it also held this many days ago. Default 60.", integer: true },
      { path: "hysteresis.checkpoints", label: "Recovery checkpoints", hint: "How many checkpoints within the recovery period must agree. Default 2.", integer: true },
      { path: "trend.windowDays", label: "Trend window (days)", hint: "History within this window (and the current score) gives the trend. Default 90.", integer: true },
      { path: "trend.stablePointsPerMonth", label: "Stable band (points a month)", hint: "A score slope within ± this many points per 30 days is “stable”. Default 3." },
      { path: "confidence.fullAtObservations", label: "Observations for full confidence", hint: "Observations needed for full data confidence. Default 20.", integer: true },
    ],
  },
  {
    title: "Score weights",
    fields: [
      { path: "score.ratingsShare", label: "Share from ratings (0–1)", hint: "Share of the score from the clients' ratings; the rest comes from the symptoms. Default 0.5." },
      { path: "score.withoutRatings", label: "Ratings part without ratings (0–100)", hint: "Unknown is not healthy. Default 50." },
      { path: "score.overallShare", label: "Share of “overall” in the ratings part (0–1)", hint: "The rest comes from “would recommend”. Default 0.7." },
      ...perStage("score.penalty", "Most points off", "Most points this stage's support can take off the symptom part. Default 20."),
      { path: "score.penaltyScale", label: "Penalty scale", hint: "Support at which a stage has taken 63% of its points: how fast penalties saturate. Default 1." },
      { path: "score.healthyBonus", label: "Healthy bonus (points per unit)", hint: "Points added to the symptom part per unit of healthy evidence weight. Default 5." },
    ],
  },
  {
    title: "Phrase weights",
    fields: [
      ...perStage("rules.phrases.perHit", "Weight per phrase heard", "Evidence weight of each symptom phrase of this stage."),
      { path: "rules.phrases.capPerSide", label: "Cap per side and stage", hint: "Phrases alone from one side need corroboration: their weight for one stage stops here. Default 0.8." },
      { path: "rules.phrases.bothSidesWeight", label: "Both sides voicing symptoms", hint: "“Both sides start pointing out each other's failings.” Default 0.3." },
    ],
  },
];

export const SETTING_FIELDS = SETTING_GROUPS.flatMap((group) => group.fields);
const PHRASES_PATH = "rules.phrases.disabled";

export const fieldName = (path: string) => path.replaceAll(".", "__");
const byName = new Map(SETTING_FIELDS.map((field) => [fieldName(field.path), field]));

const numberField = (field: SettingField) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value) : value),
    z.number({ error: (issue) => (issue.input === undefined ? `${field.label} is required` : `${field.label} must be a number, like 0.5`) }),
  );

const phraseId = z.enum(PHRASE_CATALOGUE.map((entry) => entry.id) as [string, ...string[]], { error: "Unknown phrase" });

const restJson = z.string({ error: "The rest of the configuration is required (as JSON)" }).transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    ctx.addIssue({ code: "custom", message: "Must be a JSON object ({ … })" });
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  return z.NEVER;
});

/** The draft as posted: the fields, the phrases left on, the rest. Ranges are the library's to check. */
export const draftFormSchema = z.object({
  ...Object.fromEntries(SETTING_FIELDS.map((field) => [fieldName(field.path), numberField(field)])),
  enabledPhrases: z.array(phraseId).default([]),
  rest: restJson,
});
export type DraftForm = z.output<typeof draftFormSchema>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function setPath(target: Json, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys.at(-1) as string] = value;
}

function deletePath(target: Json, path: string) {
  const [key, ...more] = path.split(".") as [string, ...string[]];
  if (more.length === 0) delete target[key];
  else if (isObject(target[key])) {
    deletePath(target[key], more.join("."));
    if (Object.keys(target[key]).length === 0) delete target[key];
  }
}

/** The draft the form describes: the rest, with each field's value and the phrases switched off put in. */
export function draftFromForm(form: DraftForm): Json {
  const draft = structuredClone(form.rest);
  for (const field of SETTING_FIELDS) setPath(draft, field.path, (form as Json)[fieldName(field.path)]);
  const enabled = new Set(form.enabledPhrases);
  setPath(draft, PHRASES_PATH, PHRASE_CATALOGUE.map((entry) => entry.id).filter((id) => !enabled.has(id)));
  return draft;
}

/** The form's values for a configuration. */
export function formValues(config: ScoringConfig): Record<string, string | string[]> {
  const rest = structuredClone(config) as unknown as Json;
  const values: Record<string, string | string[]> = {};
  for (const field of SETTING_FIELDS) {
    values[fieldName(field.path)] = String(field.path.split(".").reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), config));
    deletePath(rest, field.path);
  }
  deletePath(rest, PHRASES_PATH);
  const disabled = new Set(config.rules.phrases.disabled);
  values.enabledPhrases = PHRASE_CATALOGUE.map((entry) => entry.id).filter((id) => !disabled.has(id));
  values.rest = JSON.stringify(rest, null, 2);
  return values;
}

/**
 * The library's problems, keyed by config path, as the form's: on a field when it has one, on
 * the phrase list, otherwise on the JSON with the path in the message; "" stays the form's own.
 */
export function formErrorsOf(problems: Record<string, string[]>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (name: string, messages: string[]) => (errors[name] ??= []).push(...messages);
  for (const [path, messages] of Object.entries(problems)) {
    if (path === "") add("", messages);
    else if (byName.has(fieldName(path))) add(fieldName(path), messages);
    else if (path.startsWith(PHRASES_PATH)) add("enabledPhrases", messages);
    else add("rest", messages.map((message) => `${path}: ${message}`));
  }
  return errors;
}
