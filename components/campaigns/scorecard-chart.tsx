"use client";
import { CartesianGrid, Label, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

export interface ScorecardPoint {
  name: string;
  importance: number;
  satisfaction: number;
  answers: number;
  fixFirst: boolean;
}

/**
 * Importance (across) × satisfaction (up), 1–5, one dot per core system. The bottom-right
 * quadrant (important, unsatisfying) is shaded and named "Fix first". The table beside it gives
 * the same numbers; the caption says them for screen readers.
 */
export function ScorecardChart({ points, importantFrom, satisfiedFrom, description }: { points: ScorecardPoint[]; importantFrom: number; satisfiedFrom: number; description: string }) {
  return (
    <figure>
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 12, right: 16, bottom: 28, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <ReferenceArea x1={importantFrom} x2={5} y1={1} y2={satisfiedFrom} fill="#fee2e2" fillOpacity={0.8} ifOverflow="extendDomain">
              <Label value="Fix first" position="insideBottomRight" fill="#991b1b" fontSize={12} />
            </ReferenceArea>
            <XAxis type="number" dataKey="importance" name="Importance" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }}>
              <Label value="Importance" position="bottom" offset={8} fontSize={12} />
            </XAxis>
            <YAxis type="number" dataKey="satisfaction" name="Satisfaction" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} width={36}>
              <Label value="Satisfaction" angle={-90} position="insideLeft" fontSize={12} />
            </YAxis>
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={({ payload }) => {
                const point = payload?.[0]?.payload as ScorecardPoint | undefined;
                if (!point) return null;
                return (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                    <p className="font-medium">{point.name}</p>
                    <p>
                      Importance {point.importance.toFixed(1)} · satisfaction {point.satisfaction.toFixed(1)} · {point.answers} answers
                    </p>
                    {point.fixFirst && <p className="text-red-800">Fix first</p>}
                  </div>
                );
              }}
            />
            <Scatter data={points.filter((p) => !p.fixFirst)} fill="#1d4ed8" isAnimationActive={false} name="Core systems" />
            <Scatter data={points.filter((p) => p.fixFirst)} fill="#b91c1c" shape="diamond" isAnimationActive={false} name="Fix first" />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{description}</figcaption>
    </figure>
  );
}
