"use client";
import { CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

export interface WatermelonDot {
  name: string;
  /** Service levels met, 0–100 (%). */
  sla: number;
  /** Average rating, 1–5. */
  rating: number;
  watermelon: boolean;
}

interface Props {
  data: WatermelonDot[];
  /** The thresholds: green on service levels from `slaGreen` %, red inside at or below `ratingRed`. */
  slaGreen: number;
  ratingRed: number;
  /** The chart in words, for screen readers (the page lists the watermelons visibly too). */
  description: string;
}

/**
 * Each unit by service levels met (x) against its clients' rating (y): the bottom-right corner,
 * shaded, is green outside and red inside (article 004). The rating axis is the 1–5 scale itself.
 */
export function WatermelonChart({ data, slaGreen, ratingRed, description }: Props) {
  return (
    <figure>
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <ReferenceArea x1={slaGreen} x2={100} y1={1} y2={ratingRed} fill="#fecaca" fillOpacity={0.5} stroke="#b91c1c" strokeDasharray="4 3" label={{ value: "Watermelons", position: "insideBottomRight", fontSize: 12, fill: "#991b1b" }} />
            <XAxis type="number" dataKey="sla" name="Service levels met" unit="%" domain={[0, 100]} tick={{ fontSize: 12 }} label={{ value: "Service levels met", position: "insideBottom", offset: -8, fontSize: 12 }} />
            <YAxis type="number" dataKey="rating" name="Average rating" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} width={40} />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={({ payload }) => {
                const dot = payload?.[0]?.payload as WatermelonDot | undefined;
                if (!dot) return null;
                return (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                    <p className="font-medium">{dot.name}</p>
                    <p>
                      Service levels met {dot.sla}%, rated {dot.rating.toFixed(1)}/5{dot.watermelon ? ": a watermelon" : ""}
                    </p>
                  </div>
                );
              }}
            />
            <Scatter data={data} name="Business units" isAnimationActive={false}>
              {data.map((dot) => (
                <Cell key={dot.name} fill={dot.watermelon ? "#b91c1c" : "#15803d"} />
              ))}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
