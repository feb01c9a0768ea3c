import Link from "next/link";
import { STAGE_COLORS, STAGE_ORDER } from "@/components/health/stage-style";
import type { MaturityGridUnit } from "@/lib/data/maturity";
import { STAGE_LABELS } from "@/lib/scoring";
import { MATURITY_LABELS, MATURITY_LEVELS } from "@/lib/validation/maturity";

const signed = (gap: number) => (gap > 0 ? `+${gap}` : `−${-gap}`);

/** Where a unit sits: the business's view when it gave one (perception is what counts, article 004), else IT's. */
const placedAt = (unit: MaturityGridUnit) => unit.business ?? unit.it;

function UnitChip({ unit }: { unit: MaturityGridUnit }) {
  const note = !unit.business ? "IT's view only" : unit.gap ? `IT ${signed(unit.gap)}` : null;
  return (
    <li>
      <Link
        href={`/accounts/${unit.id}/maturity`}
        className="inline-flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-50"
        style={{ borderColor: STAGE_COLORS[unit.stage] }}
      >
        {unit.name}
        {note && <span className={unit.gap ? "text-amber-800" : "text-slate-500"}>· {note}</span>}
      </Link>
    </li>
  );
}

/**
 * Maturity (up) × stage (across): each unit in the cell of its maturity, as the business sees it,
 * and its stage. A chip says by how many levels IT rates the relationship higher (+) or lower (−).
 */
export function MaturityGrid({ units }: { units: MaturityGridUnit[] }) {
  const stages = STAGE_ORDER.filter((stage) => stage !== "INSUFFICIENT_DATA" || units.some((u) => u.stage === stage && placedAt(u)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">Business units by relationship maturity (rows, as the business sees it) and stage (columns)</caption>
        <thead>
          <tr>
            <th scope="col" className="w-36 p-2 text-left text-xs uppercase tracking-wide text-slate-500">
              Maturity \ stage
            </th>
            {stages.map((stage) => (
              <th key={stage} scope="col" className="p-2 text-left text-xs font-medium" style={{ color: STAGE_COLORS[stage] }}>
                {STAGE_LABELS[stage]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...MATURITY_LEVELS].reverse().map((level) => (
            <tr key={level} className="border-t border-slate-200">
              <th scope="row" className="p-2 text-left align-top font-medium">
                {MATURITY_LABELS[level]}
              </th>
              {stages.map((stage) => {
                const here = units.filter((unit) => placedAt(unit) === level && unit.stage === stage);
                return (
                  <td key={stage} className="border-l border-slate-100 p-2 align-top">
                    {here.length > 0 && (
                      <ul className="flex flex-wrap gap-1">
                        {here.map((unit) => (
                          <UnitChip key={unit.id} unit={unit} />
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
