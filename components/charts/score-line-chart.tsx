"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import { formatDate, formatMonth } from "@/lib/format";

export interface ScorePoint {
  /** ISO date. */
  at: string;
  score: number;
  /** What changed at this point, a line each (the account's chart: "Stage: Flu → Pneumonia"). */
  changes?: string[];
}

/** A moment marked across the chart (an epoch's start), drawn at the first point on or after it. */
export interface ChartMarker {
  /** ISO date. */
  at: string;
  label: string;
}

/**
 * The vertical axis: a health score runs 0–100; a rating 1–5, so a 1 sits on the bottom line, not
 * below it at a made-up zero, and only whole ratings are ticked.
 */
const SCALES = {
  score: { domain: [0, 100], ticks: undefined },
  rating: { domain: [1, 5], ticks: [1, 2, 3, 4, 5] },
} as const;

export type ScoreScale = keyof typeof SCALES;

// In UTC, like every date in the app: the server's months start at UTC midnight.
const dateLabel = (iso: string) => formatMonth(iso, "short");

/** The x value a marker is drawn at: the axis is by point, so the first point on or after it. */
function markerAt(data: ScorePoint[], marker: ChartMarker): string | undefined {
  const at = new Date(marker.at).getTime();
  return data.find((point) => new Date(point.at).getTime() >= at)?.at;
}

interface Props {
  data: ScorePoint[];
  name: string;
  description: string;
  scale?: ScoreScale;
  markers?: ChartMarker[];
}

/**
 * A score over time: the health score (portfolio average, one account) or a rating. Points are
 * joined by straight lines: a curve would draw values between two measurements nobody gave.
 */
export function ScoreLineChart({ data, name, description, scale = "score", markers = [] }: Props) {
  const axis = SCALES[scale];
  return (
    <figure>
      {/* Recharts makes the chart keyboard-navigable (focus it, then the arrow keys move the tooltip
          from point to point); the caption gives the numbers in words. */}
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" tickFormatter={dateLabel} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[...axis.domain]} ticks={axis.ticks && [...axis.ticks]} allowDecimals={false} allowDataOverflow tick={{ fontSize: 12 }} />
            <Tooltip content={PointTooltip} />
            {markers.map((marker) => {
              const x = markerAt(data, marker);
              return x && <ReferenceLine key={`${marker.at}-${marker.label}`} x={x} stroke="#64748b" strokeDasharray="4 2" label={{ value: marker.label, position: "insideTopLeft", fontSize: 11, fill: "#475569" }} />;
            })}
            <Line type="linear" dataKey="score" name={name} stroke="#1d4ed8" strokeWidth={2} dot={scale === "rating"} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {description}
        {markers.length > 0 && ` Marked: ${markers.map((marker) => `${marker.label} (${formatDate(new Date(marker.at))})`).join(", ")}.`}
      </figcaption>
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
