import { EmptyState } from "@/components/ui/card";
import type { getMaturity, MaturityView } from "@/lib/data/maturity";
import { formatDate } from "@/lib/format";
import { MATURITY_LABELS } from "@/lib/validation/maturity";
import { gapText } from "./gap-text";

type Page = Awaited<ReturnType<typeof getMaturity>>;

function View({ title, view, empty }: { title: string; view: MaturityView | null; empty: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-4">
      <h3 className="text-sm font-medium text-slate-600">{title}</h3>
      {view ? (
        <>
          <p className="mt-1 text-lg font-semibold">{MATURITY_LABELS[view.level]}</p>
          <p className="text-xs text-slate-500">
            {formatDate(view.assessedAt)}
            {view.assessedBy && ` · ${view.assessedBy}`}
          </p>
          {view.note && <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{view.note}</p>}
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      )}
    </div>
  );
}

/** Each side's latest view and the gap between them (for a client: the business's view alone). */
export function MaturitySummary({ page, clientView }: { page: Page; clientView: boolean }) {
  if (clientView) return <View title="Your unit's latest view" view={page.business} empty="Nobody at your unit has said yet: be the first, below." />;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <View title="IT's view" view={page.it} empty="IT has not assessed it yet: record IT's view below." />
        <View title="The business's view" view={page.business} empty="No client of the unit has said yet." />
      </div>
      <p className={`text-sm ${page.gap ? "font-medium text-amber-800" : "text-slate-700"}`}>{page.it ? gapText(page.gap, page.business?.level ?? null) : "Record IT's view to compare the two."}</p>
    </div>
  );
}

/** Every view recorded, newest first, each side named. */
export function MaturityHistory({ history }: { history: MaturityView[] }) {
  if (history.length === 0) return <EmptyState title="Nothing recorded yet">Each view saved here is kept, so the relationship&apos;s progress shows over time.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {history.map((view) => (
        <li key={view.id} className="p-3 text-sm">
          <span className="font-medium">{view.side === "IT" ? "IT" : "Business"}:</span> {MATURITY_LABELS[view.level]}{" "}
          <span className="text-slate-500">
            on {formatDate(view.assessedAt)}
            {view.assessedBy && ` by ${view.assessedBy}`}
          </span>
          {view.note && <p className="mt-1 whitespace-pre-line text-slate-700">{view.note}</p>}
        </li>
      ))}
    </ul>
  );
}
