"use client";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CsvImportKind } from "@/lib/data/csv-imports";
import { chosenFile, csvFileSchema, MAX_FILE_BYTES, MAX_ROWS } from "@/lib/import/csv-file";
import { KIND_LABELS } from "@/lib/import/records/fields";
import type { UploadAction } from "./states";

/**
 * Uploads a CSV file of one kind of record. Nothing is imported yet: the next page maps its
 * columns and checks its rows. It posts natively before JavaScript loads; after, it checks the
 * file's size and type first, and a refused file stays chosen while the user reads why.
 */
export function UploadForm({ kinds, action }: { kinds: readonly CsvImportKind[]; action: UploadAction }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const [localError, setLocalError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = csvFileSchema.safeParse(chosenFile(formData.get("file")));
    setLocalError(file.success ? null : file.error.issues.map((issue) => issue.message).join(". "));
    if (file.success) startTransition(() => dispatch(formData));
  }

  const error = localError ?? (state?.status === "refused" ? state.message : null);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-4">
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">What the file holds</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {kinds.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={kind} defaultChecked={kind === (kinds.includes("CONTACTS") ? "CONTACTS" : kinds[0])} className="size-4" />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Label htmlFor="import-csv">CSV file</Label>
        <Input
          id="import-csv"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="import-csv-hint import-csv-error"
          aria-invalid={error ? true : undefined}
          onChange={() => setLocalError(null)}
        />
        <p id="import-csv-hint" className="mt-1 text-xs text-slate-600">
          At most {MAX_FILE_BYTES / 1_000_000} MB and {MAX_ROWS.toLocaleString("en")} rows, with a header row. Nothing is imported yet: next you match its columns and
          check every row.
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Reading the file…">
        Upload and match columns
      </SubmitButton>
      <div id="import-csv-error" role="status" aria-live="polite">
        {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      </div>
    </form>
  );
}
