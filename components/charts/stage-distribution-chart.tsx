"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STAGE_COLORS } from "@/components/health/stage-style";
import type { Stage } from "@/lib/scoring";

export interface StageCount {
  stage: Stage;
  label: string;
  count: number;
}

export function StageDistributionChart({ data }: { data: StageCount[] }) {
  return (
    <figure>
      {/* Recharts makes the chart keyboard-navigable (tooltips); the caption gives the numbers in words. */}
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {/* Horizontal bars: the stage names are long and read best on their own lines. */}
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip />
            <Bar dataKey="count" name="Accounts" isAnimationActive={false}>
              {data.map((entry) => (
                <Cell key={entry.stage} fill={STAGE_COLORS[entry.stage]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        Accounts per stage: {data.map((entry) => `${entry.label} ${entry.count}`).join(", ")}.
      </figcaption>
    </figure>
  );
}
