import { STAGE_LABELS, type Stage } from "@/lib/scoring";

/**
 * The stage's colour by class (its theme colour, text-stage-*; the rest is `.stage-badge` in
 * app/globals.css), not inline styles: an account page shows a badge per piece of evidence, and
 * each inline style was paid twice, in the HTML and in the RSC payload. The dot is the badge's
 * ::before, in its colour (currentColor).
 */
const STAGE_CLASS: Record<Stage, string> = {
  HEALTHY: "stage-badge text-stage-healthy",
  SNIFFLES: "stage-badge text-stage-sniffles",
  FLU: "stage-badge text-stage-flu",
  PNEUMONIA: "stage-badge text-stage-pneumonia",
  DEATH_AND_REINCARNATION: "stage-badge text-stage-death",
  INSUFFICIENT_DATA: "stage-badge text-stage-unknown",
};

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={STAGE_CLASS[stage]}>{STAGE_LABELS[stage]}</span>;
}
