import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportProgress } from "@/components/import/import-progress";
import { STATUS_LABELS } from "@/components/import/import-list";
import { MappingForm } from "@/components/import/mapping-form";
import { failedText, importedText, rowsText } from "@/components/import/wording";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { type CsvImportKind, getCsvImport, mayImport } from "@/lib/data/csv-imports";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { IMPORT_FIELDS, KIND_LABELS } from "@/lib/import/records/fields";
import { previewCsvImportAction, startCsvImportAction } from "../actions";

export const metadata: Metadata = { title: "Import from CSV" };

/** Where the imported records are to be seen: a sentence, and each unit's tab that shows them. */
const WHERE: Record<CsvImportKind, { text: string; tab: string; tabLabel: string }> = {
  ACCOUNTS: { text: "The units are in the portfolio.", tab: "settings", tabLabel: "settings" },
  CONTACTS: { text: "Each unit's contacts are under its Contacts tab.", tab: "contacts", tabLabel: "contacts" },
  INTERACTIONS: { text: "Each unit's interactions are on its timeline, and its diagnosis has been brought up to date.", tab: "", tabLabel: "timeline" },
  SERVICE_LEVELS: { text: "Each unit's service levels are under its Reliability tab, and its diagnosis has been brought up to date.", tab: "reliability", tabLabel: "reliability" },
  INCIDENTS: { text: "Each unit's incidents are under its Reliability tab, and its diagnosis has been brought up to date.", tab: "reliability", tabLabel: "reliability" },
};

/** One import: its column mapping and check while staged (or failed), its progress while it runs, its outcome after. */
export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  if (!mayImport(actor)) notFound();
  const view = await notFoundOnMissing(getCsvImport(actor, id));
  const status = STATUS_LABELS[view.status];
  const open = view.status === "STAGED" || view.status === "FAILED";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/import" prefetch={false} className="text-sm text-blue-800 underline">
          ← All imports
        </Link>
        <h1 className="text-2xl font-semibold break-all">Import {view.fileName}</h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          <Badge tone={status.tone}>{status.label}</Badge>
          <span>
            {KIND_LABELS[view.kind]} · {rowsText(view.rowCount)} · uploaded by {view.createdByName} <LocalTime date={view.createdAt} />
          </span>
        </p>
      </div>

      {(view.status === "QUEUED" || view.status === "RUNNING") && (
        <Card title="Progress">
          <ImportProgress importId={view.id} fileName={view.fileName} initial={{ status: view.status, done: view.done, total: view.total, result: view.result, error: view.error }} />
        </Card>
      )}

      {view.status === "SUCCEEDED" && (
        <Card title="Done">
          <div className="space-y-3 text-sm">
            <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 font-medium text-green-900">
              {view.result ? importedText(view.fileName, view.result) : `Imported ${view.fileName}.`}
            </p>
            <p>{WHERE[view.kind].text}</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {view.result?.units.map((unit) => (
                <li key={unit.id}>
                  <Link href={`/accounts/${unit.id}${WHERE[view.kind].tab ? `/${WHERE[view.kind].tab}` : ""}`} prefetch={false} className="text-blue-800 underline">
                    {unit.name}&rsquo;s {WHERE[view.kind].tabLabel}
                  </Link>
                </li>
              ))}
              <li>
                <Link href="/dashboard" prefetch={false} className="text-blue-800 underline">
                  Open the portfolio
                </Link>
              </li>
              <li>
                <Link href="/import" prefetch={false} className="text-blue-800 underline">
                  Import another file
                </Link>
              </li>
            </ul>
            {view.finishedAt && (
              <p className="text-slate-600">
                Finished <LocalTime date={view.finishedAt} />.
              </p>
            )}
          </div>
        </Card>
      )}

      {view.status === "FAILED" && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">{failedText(view.error)}</p>
          <p className="mt-1">The file is kept: correct the columns below and check the rows again, or upload a corrected file.</p>
        </div>
      )}

      {open && (
        <Card title="Match the columns">
          <MappingForm
            importId={view.id}
            fileName={view.fileName}
            fields={IMPORT_FIELDS[view.kind]}
            headers={view.headers}
            sample={view.sample}
            mapping={view.mapping}
            rowCount={view.rowCount}
            previewAction={previewCsvImportAction}
            startAction={startCsvImportAction}
          />
        </Card>
      )}
    </div>
  );
}
