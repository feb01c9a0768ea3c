import type { Stage } from "@/lib/scoring";

/** Colours per stage, for charts and grids (the CSS variables in globals.css, which the badges use, hold the same values). */
export const STAGE_COLORS: Record<Stage, string> = {
  HEALTHY: "#15803d",
  SNIFFLES: "#a16207",
  FLU: "#c2410c",
  PNEUMONIA: "#b91c1c",
  DEATH_AND_REINCARNATION: "#581c87",
  INSUFFICIENT_DATA: "#475569",
};

/** Display order: from health towards breakdown, unknown last. */
export const STAGE_ORDER: Stage[] = ["HEALTHY", "SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION", "INSUFFICIENT_DATA"];
