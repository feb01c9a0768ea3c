import { LocalTime } from "@/components/ui/local-time";
export interface ChangedPoint {
  at: Date;
  score: number | null;
  changes: string[];
}

/**
 * The chart's tooltips as a table: what changed at each point, newest first. For screen readers and
 * anyone who would rather read than hover; closed by default.
 */
export function ScoreChangesTable({ points }: { points: ChangedPoint[] }) {
  if (points.length === 0) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-blue-800">What changed at each point ({points.length})</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Health score diagnoses where something changed, newest first</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                When
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Score
              </th>
              <th scope="col" className="py-1 font-medium">
                What changed
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {points.map((point) => (
              <tr key={point.at.toISOString()} className="align-top">
                <td className="py-1 pr-3"><LocalTime date={point.at} /></td>
                <td className="py-1 pr-3">{point.score ?? "–"}</td>
                <td className="py-1">
                  <ul>
                    {point.changes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
