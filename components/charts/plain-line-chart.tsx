import { formatMonth } from "@/lib/format";

export interface MonthPoint {
  /** The month's first instant. */
  month: Date;
  /** 0–100. */
  score: number;
}

const GRID = [0, 25, 50, 75, 100];
/** At most this many month labels under the axis, and half as many at phone width (they would overlap). */
const MAX_LABELS = 6;

/**
 * A 0–100 score by month drawn on the server (decision 037): the lines in an SVG stretched to its
 * box (strokes keep their width), the axis labels in HTML placed by percentage, so the text stays
 * legible at any width and the page needs no script to show it. Hovering a month names it and its
 * score; "The numbers" lists them all, for keyboards and screen readers.
 */
export function PlainLineChart({ data, name }: { data: MonthPoint[]; name: string }) {
  const x = (i: number) => (data.length === 1 ? 50 : (100 * i) / (data.length - 1));
  const y = (score: number) => 100 - score;
  const points = data.map((point, i) => `${x(i)},${y(point.score)}`).join(" ");
  const labelEvery = Math.ceil(data.length / MAX_LABELS);
  // Counted back from the latest month, which is always labelled; every other label hides on phones.
  const labelClass = (i: number) => {
    const back = data.length - 1 - i;
    if (back % labelEvery !== 0) return null;
    return back % (2 * labelEvery) === 0 ? "" : "max-sm:hidden";
  };
  const band = 100 / Math.max(1, data.length - 1);
  return (
    <figure>
      {/* 200 px and the 24 px summary line: the height of the card's skeleton, so nothing moves when it streams in. */}
      <div className="relative h-50 text-xs text-slate-500" aria-hidden="true">
        <div className="absolute inset-[8px_12px_24px_32px]">
          {GRID.map((value) => (
            <span key={value} className="absolute right-full mr-2 -translate-y-1/2 tabular-nums" style={{ top: `${y(value)}%` }}>
              {value}
            </span>
          ))}
          {data.map((point, i) => {
            const shown = labelClass(i);
            return shown === null ? null : (
              <span key={point.month.getTime()} className={`absolute top-full mt-1 -translate-x-1/2 whitespace-nowrap ${shown}`} style={{ left: `${x(i)}%` }}>
                {formatMonth(point.month, "short")}
              </span>
            );
          })}
          <svg className="h-full w-full overflow-visible" viewBox="0 0 100 100" preserveAspectRatio="none">
            {GRID.map((value) => (
              <line key={value} x1={0} x2={100} y1={y(value)} y2={y(value)} stroke="#e2e8f0" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ))}
            <polyline points={points} fill="none" stroke="#1d4ed8" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            {data.length === 1 && <line x1={49.5} x2={50.5} y1={y(data[0]!.score)} y2={y(data[0]!.score)} stroke="#1d4ed8" strokeWidth={6} strokeLinecap="round" vectorEffect="non-scaling-stroke" />}
            {data.map((point, i) => (
              <rect key={point.month.getTime()} x={x(i) - band / 2} width={band} y={0} height={100} fill="transparent">
                <title>{`${formatMonth(point.month, "long")}: ${name.toLowerCase()} ${point.score}`}</title>
              </rect>
            ))}
          </svg>
        </div>
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer">The numbers</summary>
        <table className="mt-1">
          <caption className="sr-only">{name} by month</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left font-medium">Month</th>
              <th scope="col" className="text-right font-medium">{name}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.month.getTime()}>
                <td className="pr-4">{formatMonth(point.month, "long")}</td>
                <td className="text-right tabular-nums">{point.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
