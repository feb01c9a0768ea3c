"use client";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ColumnMapping } from "@/lib/data/csv-imports";
import type { ImportField } from "@/lib/import/records/fields";
import { BadRowsTable } from "./bad-rows-table";
import type { CheckAction, CheckState } from "./states";
import { previewText, rowsText } from "./wording";

interface Props {
  importId: string;
  fileName: string;
  fields: readonly ImportField[];
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  rowCount: number;
  previewAction: CheckAction;
  startAction: CheckAction;
}

/**
 * The column for each field of a staged import, the file's first rows to choose by, and "Check
 * the rows": every row read against the mapping (nothing written), then either every bad row by
 * its line or the counts with the button that starts the import. Changing a column after a
 * check asks for another check before the import may start.
 */
export function MappingForm({ importId, fileName, fields, headers, sample, mapping, rowCount, previewAction, startAction }: Props) {
  const [state, dispatch, pending] = useActionState(previewAction, undefined);
  const [checks, setChecks] = useState(0);
  const [changed, setChanged] = useState(false);
  const options = [{ value: "", label: "Not imported" }, ...headers.map((header, i) => ({ value: String(i), label: header }))];

  return (
    <div className="space-y-6">
      <form
        action={dispatch}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          // Not React's own submission, which resets the form after the action: the columns chosen stay chosen.
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          setChecks((n) => n + 1);
          setChanged(false);
          startTransition(() => dispatch(formData));
        }}
        onChange={() => setChanged(true)}
        className="space-y-4"
        aria-describedby="mapping-intro"
      >
        <input type="hidden" name="importId" value={importId} />
        <p id="mapping-intro" className="text-sm text-slate-700">
          Choose the column of {fileName} that holds each field. Fields marked required must have one; a field left “Not imported” is left as it is on records
          that already exist.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((field) => {
            const id = `map-${field.key}`;
            const selected = mapping[field.key];
            return (
              <div key={field.key}>
                <Label htmlFor={id}>
                  {field.label}
                  {field.required && <span className="font-normal text-slate-600"> (required)</span>}
                </Label>
                <NativeSelect
                  id={id}
                  name={`map.${field.key}`}
                  options={options}
                  defaultValue={selected === null || selected === undefined ? "" : String(selected)}
                  aria-required={field.required || undefined}
                  aria-describedby={`${id}-hint`}
                />
                <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
                  {field.description}
                </p>
              </div>
            );
          })}
        </div>
        <SampleRows fileName={fileName} headers={headers} sample={sample} rowCount={rowCount} />
        <SubmitButton pending={pending} pendingLabel="Checking every row…" variant={state?.status === "success" && !changed ? "secondary" : "primary"}>
          Check the rows
        </SubmitButton>
      </form>
      <div role="status" aria-live="polite" className="space-y-3">
        {changed && state && <p className="text-sm text-slate-700">You changed a column since the last check: check the rows again before importing.</p>}
        {!changed && <CheckResult key={checks} state={state} importId={importId} fileName={fileName} startAction={startAction} />}
      </div>
    </div>
  );
}

/** The file's first rows under its own headers, scrollable sideways on a phone. */
function SampleRows({ fileName, headers, sample, rowCount }: { fileName: string; headers: string[]; sample: string[][]; rowCount: number }) {
  if (sample.length === 0) return null;
  const caption = `The first ${sample.length === 1 ? "row" : `${sample.length} rows`} of ${fileName} (${rowsText(rowCount)} in all)`;
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-700">{caption}</p>
      <div tabIndex={0} role="region" aria-label={caption} className="overflow-x-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-blue-700">
        <table className="w-full text-left text-xs">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {headers.map((header, i) => (
                <th key={i} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sample.map((row, r) => (
              <tr key={r}>
                {headers.map((_header, i) => (
                  <td key={i} className="px-2 py-1 whitespace-nowrap">
                    {row[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What the last check (or a refused start) found; after a good check, the button that starts the import. */
function CheckResult({ state, importId, fileName, startAction }: { state: CheckState | undefined; importId: string; fileName: string; startAction: CheckAction }) {
  const [started, dispatch, pending] = useActionState(startAction, undefined);
  // A start that found the rows changed since the check says so instead.
  const shown = started ?? state;
  if (!shown) return null;
  if (shown.status === "refused") return <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{shown.message}</p>;
  if (shown.status === "bad-rows") {
    return (
      <div className="space-y-3">
        {shown.mappingErrors.length > 0 && (
          <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">Nothing was imported: choose the columns again.</p>
            <ul className="mt-1 list-disc pl-5">
              {shown.mappingErrors.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {shown.badRows.length > 0 && (
          <BadRowsTable
            fileName={fileName}
            rowCount={shown.rowCount}
            badRows={shown.badRows}
            advice={`Correct ${shown.badRows.length === 1 ? "it" : "them"} in the file and upload it again, or choose other columns above and check again.`}
          />
        )}
      </div>
    );
  }
  const { counts, rowCount } = shown;
  const changes = counts.created + counts.updated;
  return (
    <div className="space-y-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      <p>
        <span className="font-medium">Every row is good: {previewText(counts)}.</span>{" "}
        {changes === 0 ? "Importing it would change nothing: every row is already in Rapport." : "Nothing is written until you import."}
      </p>
      <form action={dispatch}>
        <input type="hidden" name="importId" value={importId} />
        <SubmitButton pending={pending} pendingLabel="Starting the import…">
          Import {rowsText(rowCount)}
        </SubmitButton>
      </form>
    </div>
  );
}
