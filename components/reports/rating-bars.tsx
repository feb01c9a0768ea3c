import { formatAverage } from "@/lib/reports/format";
import type { RatingMonth } from "@/lib/reports/shapes";

/**
 * The average rating per month as bars on the 1–5 scale (a 1 is a short bar, not none), drawn as
 * SVG on the server: it prints as it shows, with no script. The table beside it says the same in
 * words for screen readers.
 */
export function RatingBars({ months }: { months: RatingMonth[] }) {
  const width = 56;
  const height = 120;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${months.length * width} ${height + 34}`} className="h-44 w-full max-w-xl" role="img" aria-label="Average rating per month, 1 to 5">
        {[1, 2, 3, 4, 5].map((tick) => (
          <line key={tick} x1={0} x2={months.length * width} y1={height - (tick / 5) * height} y2={height - (tick / 5) * height} stroke="#e2e8f0" />
        ))}
        {months.map((m, i) => {
          const barHeight = m.average === null ? 0 : (m.average / 5) * height;
          return (
            <g key={m.key}>
              {m.average !== null && <rect x={i * width + 12} y={height - barHeight} width={width - 24} height={barHeight} fill="#1d4ed8" rx={2} />}
              <text x={i * width + width / 2} y={height - barHeight - 4} textAnchor="middle" fontSize={11} fill="#334155">
                {m.average === null ? "–" : m.average.toFixed(1)}
              </text>
              <text x={i * width + width / 2} y={height + 16} textAnchor="middle" fontSize={11} fill="#475569">
                {m.label.slice(0, 3)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-600">
        <table className="text-left">
          <caption className="sr-only">Ratings per month</caption>
          <tbody>
            {months.map((m) => (
              <tr key={m.key}>
                <th scope="row" className="pr-3 font-normal">
                  {m.label}
                </th>
                <td className="pr-3">{formatAverage(m.average)}</td>
                <td>{m.count === 1 ? "1 rating" : `${m.count} ratings`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
