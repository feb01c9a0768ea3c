import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { CsvImportStatus, CsvImportView } from "@/lib/data/csv-imports";
import { KIND_LABELS } from "@/lib/import/records/fields";
import { countsText, rowsText } from "./wording";

export const STATUS_LABELS: Record<CsvImportStatus, { label: string; tone: "neutral" | "info" | "success" | "danger" }> = {
  STAGED: { label: "Not started", tone: "neutral" },
  QUEUED: { label: "Waiting to start", tone: "info" },
  RUNNING: { label: "Importing", tone: "info" },
  SUCCEEDED: { label: "Imported", tone: "success" },
  FAILED: { label: "Failed: nothing imported", tone: "danger" },
};

/** Recent imports, newest first: each links to its page (mapping, progress or outcome). */
export function ImportList({ imports, showWho }: { imports: CsvImportView[]; showWho: boolean }) {
  return (
    <ul className="divide-y divide-slate-100">
      {imports.map((item) => {
        const status = STATUS_LABELS[item.status];
        return (
          <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
            <div className="min-w-0">
              <Link href={`/import/${item.id}`} prefetch={false} className="font-medium break-all text-blue-800 underline">
                {item.fileName}
              </Link>{" "}
              <span className="text-slate-600">
                · {KIND_LABELS[item.kind]} · {rowsText(item.rowCount)} · <LocalTime date={item.createdAt} />
                {showWho ? ` · by ${item.createdByName}` : ""}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <Badge tone={status.tone}>{status.label}</Badge>
              {item.result && <span className="text-slate-700">{countsText(item.result)}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
