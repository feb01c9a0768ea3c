import Link from "next/link";
import { StageBadge } from "@/components/health/stage-badge";
import type { MaturityGridUnit } from "@/lib/data/maturity";
import { MATURITY_LABELS } from "@/lib/validation/maturity";

const level = (value: MaturityGridUnit["it"]) => (value ? MATURITY_LABELS[value] : "—");
const gapLabel = (gap: number | null) => (gap === null ? "—" : gap === 0 ? "agree" : gap > 0 ? `IT +${gap}` : `IT −${-gap}`);

/** The same units as a table: each side's view and the gap, largest gap first (the conversations to have). */
export function MaturityTable({ units }: { units: MaturityGridUnit[] }) {
  const sorted = [...units].sort((a, b) => Math.abs(b.gap ?? -1) - Math.abs(a.gap ?? -1) || a.name.localeCompare(b.name));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Each unit&apos;s maturity as IT and as the business see it, and the gap</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">Unit</th>
            <th scope="col" className="px-3 py-2 font-medium">Stage</th>
            <th scope="col" className="px-3 py-2 font-medium">IT&apos;s view</th>
            <th scope="col" className="px-3 py-2 font-medium">Business&apos;s view</th>
            <th scope="col" className="py-2 pl-3 font-medium">Gap</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((unit) => (
            <tr key={unit.id} className={`border-b border-slate-100 ${unit.gap ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link href={`/accounts/${unit.id}/maturity`} className="text-blue-800 underline underline-offset-2">
                  {unit.name}
                </Link>
              </th>
              <td className="px-3 py-2">
                <StageBadge stage={unit.stage} />
              </td>
              <td className="px-3 py-2">{level(unit.it)}</td>
              <td className="px-3 py-2">{level(unit.business)}</td>
              <td className={`py-2 pl-3 ${unit.gap ? "font-semibold text-amber-800" : ""}`}>{gapLabel(unit.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
