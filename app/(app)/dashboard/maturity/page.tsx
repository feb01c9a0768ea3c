import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MaturityGrid } from "@/components/maturity/maturity-grid";
import { MaturityTable } from "@/components/maturity/maturity-table";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getMaturityGrid } from "@/lib/data/maturity";
import { seesPortfolio } from "@/lib/data/permissions";

export const metadata: Metadata = { title: "Maturity · Portfolio" };

// Article 003: from order taker to trusted partner. Where does each relationship stand, by both
// sides' account, against its stage?
export default async function MaturityGridPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const { units, othersHidden } = await getMaturityGrid(actor);
  const placed = units.filter((unit) => unit.business || unit.it);
  const unassessed = units.filter((unit) => !unit.business && !unit.it);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Relationship maturity</h1>
        <p className="text-sm text-slate-600">
          Each unit&apos;s relationship from order taker to strategic partner, as the business sees it, against its stage. Where IT rates it higher than the business does,
          IT sees a partnership the unit does not feel.
        </p>
        {othersHidden > 0 && (
          <p className="mt-1 text-sm text-slate-500">
            Your units only: {othersHidden} other {othersHidden === 1 ? "unit is" : "units are"} their managers&apos; and the CIO&apos;s to assess.
          </p>
        )}
      </div>
      {placed.length === 0 ? (
        <EmptyState title="No unit's maturity assessed yet">Open a unit&apos;s Maturity tab to record IT&apos;s view, and ask a client of the unit to record theirs.</EmptyState>
      ) : (
        <>
          <Card title="Maturity × stage">
            <MaturityGrid units={placed} />
          </Card>
          <Card title="IT's view and the business's">
            <MaturityTable units={placed} />
          </Card>
        </>
      )}
      {unassessed.length > 0 && (
        <Card title="Not assessed yet">
          <p className="mb-2 text-sm text-slate-700">Neither side has said where these relationships stand. Record IT&apos;s view on each unit&apos;s Maturity tab:</p>
          <ul className="flex flex-wrap gap-2 text-sm">
            {unassessed.map((unit) => (
              <li key={unit.id}>
                <Link href={`/accounts/${unit.id}/maturity`} className="text-blue-800 underline underline-offset-2">
                  {unit.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
