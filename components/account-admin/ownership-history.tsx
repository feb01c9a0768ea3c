import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";


interface Row {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  manager: { name: string } | null;
  assignedBy: string | null;
}

/** Who owned the relationship when, newest first: one person accountable at a time (article 004). */
export function OwnershipHistory({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <EmptyState title="No ownership recorded yet">Assign a relationship manager above to start the history.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-slate-700">Who owned the relationship when</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">Relationship manager</th>
            <th scope="col" className="py-2 pr-4">From</th>
            <th scope="col" className="py-2 pr-4">Until</th>
            <th scope="col" className="py-2">Assigned by</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="py-2 pr-4 font-medium">{row.manager?.name ?? <span className="text-amber-800">Nobody (unassigned)</span>}</th>
              <td className="py-2 pr-4 whitespace-nowrap"><LocalTime date={row.startedAt} /></td>
              <td className="py-2 pr-4 whitespace-nowrap">{row.endedAt ? <LocalTime date={row.endedAt} /> : "now"}</td>
              <td className="py-2 text-slate-600">{row.assignedBy ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
