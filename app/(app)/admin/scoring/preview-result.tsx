import Link from "next/link";
import { StageBadge } from "@/components/health/stage-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { AccountChange, PreviewView } from "@/lib/data/scoring-settings";
import { SaveForm } from "./save-form";

const score = (value: number | null) => (value === null ? "–" : String(value));

function ChangeTable({ caption, rows }: { caption: string; rows: AccountChange[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-slate-900">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">Account</th>
            <th scope="col" className="py-2 pr-4">Stage now</th>
            <th scope="col" className="py-2 pr-4">With the draft</th>
            <th scope="col" className="py-2">Score</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.accountId}>
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/accounts/${row.accountId}`} className="text-blue-800 underline">
                  {row.name}
                </Link>
              </th>
              <td className="py-2 pr-4"><StageBadge stage={row.from} /></td>
              <td className="py-2 pr-4"><StageBadge stage={row.to} /></td>
              <td className="py-2 tabular-nums">
                {score(row.scoreFrom)} → {score(row.scoreTo)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the draft would do to every account, and the one way to save it. */
export function PreviewResult({ preview, inForceVersion, saveAction }: { preview: PreviewView; inForceVersion: number; saveAction: FormActionFn }) {
  const stale = preview.baseVersion !== inForceVersion;
  return (
    <Card title={preview.restoredFrom ? `Preview: restoring version ${preview.restoredFrom}` : "Preview of the draft"}>
      <div className="space-y-5">
        <p className="text-sm text-slate-700">
          Made <LocalTime date={preview.createdAt} /> against version {preview.baseVersion}: <strong>{preview.stageChanges.length}</strong> of {preview.accounts} accounts would
          change stage. Changed values: {preview.changed.length > 0 ? preview.changed.join(", ") : "none"}.
        </p>
        {preview.stageChanges.length > 0 ? (
          <ChangeTable caption="Accounts whose stage would change" rows={preview.stageChanges} />
        ) : (
          <EmptyState title="No account would change stage.">Scores may still move: see below.</EmptyState>
        )}
        {preview.scoreChanges.length > 0 ? (
          <ChangeTable caption="Biggest score changes" rows={preview.scoreChanges} />
        ) : (
          <p className="text-sm text-slate-600">No score would change.</p>
        )}
        {stale ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The configuration in force changed since this preview (it is now version {inForceVersion}). Preview the draft again before saving.
          </p>
        ) : preview.changed.length === 0 ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">This draft is the configuration in force: there is nothing to save. Change a value and preview again.</p>
        ) : (
          <div className="space-y-2 border-t border-slate-200 pt-4">
            <p className="text-xs text-slate-500">
              Draft fingerprint <code>{preview.hash.slice(0, 12)}</code>: saving stores exactly this draft and re-diagnoses every account.
            </p>
            <SaveForm action={saveAction} previewId={preview.id} hash={preview.hash} />
          </div>
        )}
      </div>
    </Card>
  );
}
