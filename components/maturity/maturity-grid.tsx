import Link from "next/link";
import { STAGE_COLORS, STAGE_ORDER } from "@/components/health/stage-style";
import type { MaturityGridUnit } from "@/lib/data/maturity";
import { STAGE_LABELS } from "@/lib/scoring";
import { MATURITY_LABELS, MATURITY_LEVELS } from "@/lib/validation/maturity";
import { TwoWayGrid } from "./two-way-grid";

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
    <TwoWayGrid
      caption="Business units by relationship maturity (rows, as the business sees it) and stage (columns)"
      corner="Maturity \ stage"
      rows={[...MATURITY_LEVELS].reverse().map((level) => ({ key: level, header: MATURITY_LABELS[level] }))}
      columns={stages.map((stage) => ({ key: stage, header: STAGE_LABELS[stage], style: { color: STAGE_COLORS[stage] } }))}
      cell={(level, stage) => {
        const here = units.filter((unit) => placedAt(unit) === level && unit.stage === stage);
        return (
          here.length > 0 && (
            <ul className="flex flex-wrap gap-1">
              {here.map((unit) => (
                <UnitChip key={unit.id} unit={unit} />
              ))}
            </ul>
          )
        );
      }}
      minWidthClass="min-w-[40rem]"
      cornerWidthClass="w-36"
      rowHeaderClass="font-medium"
    />
  );
}
