import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportColumns } from "@/components/import/import-columns";
import { ImportList } from "@/components/import/import-list";
import { UploadForm } from "@/components/import/upload-form";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listCsvImports, mayImport } from "@/lib/data/csv-imports";
import { seesTaskRuns } from "@/lib/data/task-runs";
import { CSV_IMPORT_KINDS } from "@/lib/import/records/fields";
import { uploadCsvImportAction } from "./actions";

export const metadata: Metadata = { title: "Import from CSV" };

/** Issue 11 §3: units, contacts and interactions from a CSV file, checked row by row before anything is written. */
export default async function ImportPage() {
  const actor = await requireActorOrRedirect();
  if (!mayImport(actor)) notFound();
  const kinds = CSV_IMPORT_KINDS.filter((kind) => mayImport(actor, kind));
  const imports = await listCsvImports(actor, 20);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Import from CSV</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Bring in business units, contacts or interactions from a spreadsheet, CRM or directory export, or service levels and incidents from your ITSM
          tool across units. Upload the file, match its columns, and check every row:
          a bad row is named by its line and nothing is written until every row is good. The import then runs in the background, all or nothing; importing the
          same file again changes nothing.
        </p>
      </div>
      <Card title="Upload a file">
        <div className="space-y-4">
          <UploadForm kinds={kinds} action={uploadCsvImportAction} />
          <div className="space-y-2 border-t border-slate-100 pt-3">
            {kinds.map((kind) => (
              <ImportColumns key={kind} kind={kind} />
            ))}
          </div>
        </div>
      </Card>
      <Card title={seesTaskRuns(actor) ? "Recent imports" : "Your recent imports"}>
        {imports.length === 0 ? (
          <EmptyState title="No imports yet">
            Upload a CSV file above: start from a sample file, or export one from your spreadsheet or CRM. Each import is listed here with how it went.
          </EmptyState>
        ) : (
          <ImportList imports={imports} showWho={seesTaskRuns(actor)} />
        )}
      </Card>
    </div>
  );
}
