"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ComparisonPoint {
  label: string;
  /** Null: not rated by that side. */
  first: number | null;
  second: number | null;
}

/**
 * Two views of the same scores side by side per item (IT's and the clients'), on a 1–5 scale.
 * Horizontal bars, so the items' names stay readable at phone width. The caption gives the
 * numbers in words for screen readers.
 */
export function ComparisonBarChart({ data, names, description }: { data: ComparisonPoint[]; names: [string, string]; description: string }) {
  return (
    <figure>
      <div style={{ height: 48 + data.length * 44 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barGap={2}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={112} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(1) : value)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="first" name={names[0]} fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="second" name={names[1]} fill="#f59e0b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
