"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatMonth } from "@/lib/format";

export interface SlaPoint {
  /** The period's last day, ISO. */
  at: string;
  target: number;
  attained: number;
}

// In UTC, like every date in the app.
const monthLabel = (iso: string) => formatMonth(iso, "short");

/** Close to 100% the differences that matter are tenths: the axis starts just below the lowest value. */
function domain(points: SlaPoint[]): [number, number] {
  const lowest = Math.min(...points.flatMap((p) => [p.target, p.attained]));
  return [Math.max(0, Math.floor(lowest - 0.5)), 100];
}

/** One core system's attained service level against its target, period by period. */
export function SlaChart({ data, system, description }: { data: SlaPoint[]; system: string; description: string }) {
  return (
    <figure>
      <div className="h-40">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" tickFormatter={monthLabel} tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis domain={domain(data)} tick={{ fontSize: 12 }} unit="%" width={56} />
            <Tooltip labelFormatter={(label) => `Period ending ${formatDate(new Date(String(label)))}`} formatter={(value) => `${value}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="stepAfter" dataKey="target" name="Target" stroke="#64748b" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="attained" name={`${system} attained`} stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
