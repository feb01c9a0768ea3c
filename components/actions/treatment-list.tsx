import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import type { Treatment } from "@/lib/scoring";

/** The latest diagnosis' treatments, each one click from an action (the form above, prefilled). */
export function TreatmentList({ accountId, treatments, planned }: { accountId: string; treatments: readonly Treatment[]; planned: readonly string[] }) {
  if (treatments.length === 0) return <EmptyState title="No treatments prescribed">The diagnosis prescribes treatments once it finds symptoms.</EmptyState>;
  return (
    <ol className="space-y-3 text-sm">
      {treatments.map((treatment) => (
        <li key={treatment.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium">{treatment.title}</p>
          <p className="text-slate-700">{treatment.action}</p>
          <p className="mt-2">
            {planned.includes(treatment.id) ? (
              <span className="text-slate-600">Planned: an open action carries it out.</span>
            ) : (
              <Link href={`/accounts/${accountId}/actions?treatment=${treatment.id}#plan`} className="text-blue-800 underline">
                Plan it as an action<span className="sr-only">: {treatment.title}</span>
              </Link>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
