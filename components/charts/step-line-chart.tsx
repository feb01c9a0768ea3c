"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatMonth } from "@/lib/format";

export interface StepPoint {
  /** Epoch milliseconds. */
  at: number;
  value: number;
}

// In UTC, like every date in the app.
const dateLabel = (ms: number) => formatMonth(ms, "short");

/**
 * A count that holds until the next measurement (e.g. analyst layers), as steps on a time axis;
 * the last one holds until `until` (now), drawn without a dot as nothing was measured then. The
 * caption gives the numbers in words for screen readers.
 */
export function StepLineChart({ data, until, name, description }: { data: StepPoint[]; until: number; name: string; description: string }) {
  const last = data.at(-1);
  const points = last && last.at < until ? [...data, { at: until, value: last.value }] : data;
  return (
    <figure>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: -24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={dateLabel} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis allowDecimals={false} domain={[0, (max: number) => Math.max(max, 1)]} tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(label) => formatDate(new Date(Number(label)))} />
            <Line type="stepAfter" dataKey="value" name={name} stroke="#b45309" strokeWidth={2} dot={(props: { cx?: number; cy?: number; index?: number }) => (props.index !== undefined && props.index < data.length ? <circle key={props.index} cx={props.cx} cy={props.cy} r={3} fill="#b45309" /> : <g key="until" />)} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
