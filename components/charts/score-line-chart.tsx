"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "@/lib/format";

export interface ScorePoint {
  /** ISO date. */
  at: string;
  score: number;
}

// In UTC, like every date in the app: the server's months start at UTC midnight.
const dateLabel = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Health score (0–100) over time; used for the portfolio average and for one account. */
export function ScoreLineChart({ data, name, description }: { data: ScorePoint[]; name: string; description: string }) {
  return (
    <figure>
      {/* Recharts makes the chart keyboard-navigable (tooltips); the caption gives the numbers in words. */}
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" tickFormatter={dateLabel} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(label) => formatDate(new Date(String(label)))} />
            <Line type="monotone" dataKey="score" name={name} stroke="#1d4ed8" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
