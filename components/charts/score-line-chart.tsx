"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import { formatDate } from "@/lib/format";

export interface ScorePoint {
  /** ISO date. */
  at: string;
  score: number;
  /** What changed at this point, a line each (the account's chart: "Stage: Flu → Pneumonia"). */
  changes?: string[];
}

// In UTC, like every date in the app: the server's months start at UTC midnight.
const dateLabel = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Health score (0–100) over time; used for the portfolio average and for one account. */
export function ScoreLineChart({ data, name, description }: { data: ScorePoint[]; name: string; description: string }) {
  return (
    <figure>
      {/* Recharts makes the chart keyboard-navigable (focus it, then the arrow keys move the tooltip
          from point to point); the caption gives the numbers in words. */}
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" tickFormatter={dateLabel} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
            <Tooltip content={PointTooltip} />
            <Line type="monotone" dataKey="score" name={name} stroke="#1d4ed8" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}

/** The point's date and score, and what changed there when the chart knows. */
function PointTooltip({ active, payload, label }: TooltipContentProps) {
  const entry = payload?.[0];
  if (!active || !entry) return null;
  const point = entry.payload as ScorePoint;
  return (
    <div role="status" className="max-w-72 rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-800 shadow-md" data-testid="chart-tooltip">
      <p className="font-medium">{formatDate(new Date(String(label)))}</p>
      <p>
        {entry.name}: {point.score}
      </p>
      {point.changes && point.changes.length > 0 && (
        <ul className="mt-1 space-y-0.5 border-t border-slate-100 pt-1 text-slate-600">
          {point.changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
