"use client";
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { SubmitButton } from "@/components/forms/submit-button";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { chosenFile, csvFileSchema, MAX_FILE_BYTES, MAX_ROWS } from "@/lib/import/csv-file";
import type { ImportState } from "@/lib/import/import-state";
import { BadRowsTable } from "@/components/import/bad-rows-table";

type ImportAction = (previous: ImportState | undefined, formData: FormData) => Promise<ImportState>;

/**
 * Uploads a month of SLA and incident rows. It posts natively before JavaScript loads; after, it
 * checks the file's size and type first and submits without React resetting the form, so a
 * refused file stays chosen while the user reads why.
 */
export function ReliabilityImportForm({ accountId, action }: { accountId: string; action: ImportAction }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const [localError, setLocalError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();

  useEffect(() => {
    if (state?.status !== "imported") return;
    toast.success(state.notice);
    formRef.current?.reset();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = csvFileSchema.safeParse(chosenFile(formData.get("file")));
    setLocalError(file.success ? null : file.error.issues.map((issue) => issue.message).join(". "));
    if (file.success) startTransition(() => dispatch(formData));
  }

  const error = localError ?? (state?.status === "refused" ? state.message : null);
  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <div>
        <Label htmlFor="reliability-csv">CSV file</Label>
        <Input
          id="reliability-csv"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="reliability-csv-hint reliability-csv-result"
          aria-invalid={error || state?.status === "bad-rows" ? true : undefined}
          onChange={() => setLocalError(null)}
        />
        <p id="reliability-csv-hint" className="mt-1 text-xs text-slate-500">
          At most {MAX_FILE_BYTES / 1_000_000} MB and {MAX_ROWS.toLocaleString("en")} rows. Nothing is stored unless every row is good.
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Checking and importing…">
        Import file
      </SubmitButton>
      <div id="reliability-csv-result" role="status" aria-live="polite" className="space-y-2">
        {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
        {!localError && state?.status === "bad-rows" && <BadRowsTable fileName={state.fileName} rowCount={state.rowCount} badRows={state.badRows} />}
        {/* With JavaScript the notice is a toast; a native post shows it here. */}
        {!hydrated && state?.status === "imported" && <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{state.notice}</p>}
      </div>
    </form>
  );
}
