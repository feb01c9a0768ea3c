import { HistoryLink } from "@/components/history/history-link";
import { EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import { CoreSystemForm } from "./core-system-form";
import { DeleteCoreSystem } from "./delete-core-system";

interface Props {
  actor: Actor;
  accountId: string;
  systems: { id: string; name: string; description: string }[];
  actions: { create: FormActionFn; update: FormActionFn; remove: FormActionFn };
}

/** The unit's "trains and buses" (article 001): the systems it cannot work without. */
export function CoreSystemList({ actor, accountId, systems, actions }: Props) {
  return (
    <div className="space-y-4">
      {systems.length === 0 ? (
        <EmptyState title="No core systems yet">Add the systems this unit cannot work without; SLA figures and incidents are then recorded against them.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {systems.map((system) => (
            <li key={system.id} className="space-y-2 p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-medium">{system.name}</p>
                  {system.description && <p className="text-sm text-slate-600">{system.description}</p>}
                </div>
                <div className="flex items-center gap-3">
                  <HistoryLink actor={actor} entityType="CoreSystem" entityId={system.id} label={system.name} />
                  <DeleteCoreSystem system={system} action={actions.remove} />
                </div>
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-blue-800 underline">
                  Edit<span className="sr-only"> {system.name}</span>
                </summary>
                <div className="mt-3">
                  <CoreSystemForm system={system} action={actions.update} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Add a core system</h3>
        <CoreSystemForm accountId={accountId} action={actions.create} />
      </div>
    </div>
  );
}
