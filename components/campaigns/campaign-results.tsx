import { Badge } from "@/components/ui/badge";
import type { GroupResult, ScorecardRow } from "@/lib/campaigns/results";
import { IMPORTANT_FROM, SATISFIED_FROM } from "@/lib/campaigns/results";
import { ScorecardChart } from "./scorecard-chart";

/** One group's results (an account or the whole campaign), or why they are hidden (the K rule). */
export function GroupResultView({ result, anonymous }: { result: GroupResult; anonymous: boolean }) {
  if (!result.shown) {
    return (
      <p className="text-sm text-slate-600" data-testid="results-hidden">
        {result.answers === 0
          ? "No answers yet."
          : anonymous
            ? `Hidden: ${result.answers} ${result.answers === 1 ? "answer" : "answers"} so far, and an anonymous campaign shows scores and comments only from ${result.needed} answers, so none can be traced to the person who gave it.`
            : "No answers yet."}
      </p>
    );
  }
  const { scores } = result;
  return (
    <div className="space-y-3" data-testid="results-shown">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Answers</dt>
          <dd className="text-lg font-semibold">{scores.answers}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Overall (1–5)</dt>
          <dd className="text-lg font-semibold">{scores.meanOverall.toFixed(1)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Would recommend (0–10)</dt>
          <dd className="text-lg font-semibold">{scores.meanRecommend.toFixed(1)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Net promoter score</dt>
          <dd className="text-lg font-semibold">{scores.nps > 0 ? `+${scores.nps}` : scores.nps}</dd>
        </div>
      </dl>
      <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {scores.dimensions.map((d) => (
          <li key={d.key} className="flex justify-between gap-2 border-b border-slate-100 py-1">
            <span>{d.label}</span>
            <span>{d.mean === null ? <span className="text-slate-500">not rated</span> : `${d.mean.toFixed(1)} (${d.answers})`}</span>
          </li>
        ))}
      </ul>
      {scores.comments.length > 0 && (
        <div>
          <h4 className="text-sm font-medium">Comments</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {scores.comments.map((c, index) => (
              <li key={index} className="rounded bg-slate-50 px-3 py-2">
                “{c.text}”{c.raterName && <span className="text-slate-600"> — {c.raterName}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The importance × satisfaction scorecard: a scatter with the fix-first quadrant, and the same as a table. */
export function ScorecardView({ rows, anonymous, minGroupSize }: { rows: ScorecardRow[]; anonymous: boolean; minGroupSize: number }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">These accounts have no core systems recorded, so there was nothing to score. Add them under each account&apos;s Structure tab.</p>;
  const shown = rows.filter((r) => !r.hidden && r.importance !== null && r.satisfaction !== null);
  const points = shown.map((r) => ({ name: r.name, importance: r.importance!, satisfaction: r.satisfaction!, answers: r.answers, fixFirst: r.fixFirst }));
  const fixFirst = shown.filter((r) => r.fixFirst).map((r) => r.name);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        “Fix first”: important (mean importance {IMPORTANT_FROM} or more) and unsatisfying (mean satisfaction below {SATISFIED_FROM}).
        {anonymous && ` A system shows only from ${minGroupSize} answers.`}
      </p>
      {points.length > 0 && (
        <ScorecardChart
          points={points}
          importantFrom={IMPORTANT_FROM}
          satisfiedFrom={SATISFIED_FROM}
          description={`Scorecard: ${shown.map((r) => `${r.name} importance ${r.importance} satisfaction ${r.satisfaction}`).join("; ")}. Fix first: ${fixFirst.length ? fixFirst.join(", ") : "none"}.`}
        />
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Importance and satisfaction per core system</caption>
          <thead className="text-slate-600">
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4 font-medium">Core system</th>
              <th scope="col" className="py-2 pr-4 font-medium">Importance</th>
              <th scope="col" className="py-2 pr-4 font-medium">Satisfaction</th>
              <th scope="col" className="py-2 pr-4 font-medium">Answers</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">Verdict</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.coreSystemId} className="border-b border-slate-100">
                <td className="py-2 pr-4">{r.name}</td>
                <td className="py-2 pr-4">{r.importance?.toFixed(1) ?? "—"}</td>
                <td className="py-2 pr-4">{r.satisfaction?.toFixed(1) ?? "—"}</td>
                <td className="py-2 pr-4">{r.answers}</td>
                <td className="py-2">{r.hidden ? <span className="text-slate-500">{r.answers === 0 ? "no answers" : `hidden below ${minGroupSize}`}</span> : r.fixFirst ? <Badge tone="danger">Fix first</Badge> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
