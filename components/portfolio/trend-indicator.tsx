import type { HealthTrend } from "@/lib/generated/prisma/enums";

const TRENDS: Record<HealthTrend, { arrow: string; label: string; className: string }> = {
  IMPROVING: { arrow: "↗", label: "Improving", className: "text-green-700" },
  RECOVERING: { arrow: "↗", label: "Recovering, stage held", className: "text-amber-700" },
  STABLE: { arrow: "→", label: "Stable", className: "text-slate-600" },
  WORSENING: { arrow: "↘", label: "Worsening", className: "text-red-700" },
  UNKNOWN: { arrow: "·", label: "Not enough history", className: "text-slate-500" },
};

/** Where a unit is heading, in words (the heading filter's options). */
export const HEADING_OPTIONS = Object.entries(TRENDS).map(([value, { label }]) => ({ value, label }));

/** The trend in words (the arrow is decoration), with the risk of the next stage when it is notable. */
export function TrendIndicator({ trend, risk }: { trend: HealthTrend; risk: number | null }) {
  const { arrow, label, className } = TRENDS[trend];
  return (
    <span className={`whitespace-nowrap text-sm ${className}`}>
      <span aria-hidden="true">{arrow} </span>
      {label}
      {risk !== null && risk >= 0.5 && <span className="ml-1 text-xs text-red-700">({Math.round(risk * 100)}% risk)</span>}
    </span>
  );
}
