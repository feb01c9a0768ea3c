"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ResponseRatePoint {
  /** The round's short label (its opening month). */
  label: string;
  /** Percent answered, 0–100. */
  rate: number;
  invited: number;
  answered: number;
}

/**
 * The response rate per campaign round, oldest first, on a 0–100% scale. Recharts makes it
 * keyboard-navigable; the caption says it in words, and the card's table gives every number.
 */
export function ResponseRateChart({ data, description }: { data: ResponseRatePoint[]; description: string }) {
  return (
    <figure>
      <div className="h-44">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(value, _name, item) => {
                const point = item.payload as ResponseRatePoint;
                return [`${value}% (${point.answered} of ${point.invited})`, "Answered"];
              }}
            />
            <Bar dataKey="rate" name="Answered" fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
