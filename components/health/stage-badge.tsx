import { STAGE_LABELS, type Stage } from "@/lib/scoring";

/**
 * The stage's colour by class (app/globals.css, `.stage-badge`), not inline styles: an account
 * page shows a badge per piece of evidence, and each inline style was paid twice, in the HTML and
 * in the RSC payload. The dot is the badge's ::before, in its colour (currentColor).
 */
const STAGE_CLASS: Record<Stage, string> = {
  HEALTHY: "stage-badge stage-healthy",
  SNIFFLES: "stage-badge stage-sniffles",
  FLU: "stage-badge stage-flu",
  PNEUMONIA: "stage-badge stage-pneumonia",
  DEATH_AND_REINCARNATION: "stage-badge stage-death",
  INSUFFICIENT_DATA: "stage-badge stage-unknown",
};

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={STAGE_CLASS[stage]}>{STAGE_LABELS[stage]}</span>;
}
