import { Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { VersionView } from "@/lib/data/scoring-settings";
import { RestoreButton } from "./restore-button";

/** Every saved version: who, when, why, and which values it changed from the one before. */
export function VersionList({ versions, inForceVersion, restoreAction }: { versions: VersionView[]; inForceVersion: number; restoreAction: FormActionFn | null }) {
  return (
    <Card title="Versions">
      {versions.length === 0 ? (
        <EmptyState title="No saved versions yet.">The library&apos;s defaults are in force. Change a value above, preview, and save it with a reason.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100">
          {versions.map((version) => (
            <li key={version.version} className="space-y-1 py-3 text-sm">
              <p>
                <span className="font-semibold">Version {version.version}</span>
                {version.version === inForceVersion && <span className="ml-2 rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-800">in force</span>}
                <span className="text-slate-600">
                  {" "}
                  · <LocalTime date={version.createdAt} /> · {version.createdByName ?? "a removed user"}
                </span>
              </p>
              <p className="text-slate-800">“{version.reason}”</p>
              <p className="text-xs text-slate-500">Changed: {version.changed.length > 0 ? version.changed.join(", ") : "nothing"}</p>
              {restoreAction && version.version !== inForceVersion && <RestoreButton action={restoreAction} version={version.version} />}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
