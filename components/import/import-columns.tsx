import type { CsvImportKind } from "@/lib/data/csv-imports";
import { IMPORT_FIELDS, KIND_LABELS } from "@/lib/import/records/fields";

/** The sample file of each kind, in public/samples/. */
export const SAMPLE_FILES: Record<CsvImportKind, string> = {
  ACCOUNTS: "/samples/accounts.csv",
  CONTACTS: "/samples/contacts.csv",
  INTERACTIONS: "/samples/interactions.csv",
  SERVICE_LEVELS: "/samples/service-levels.csv",
  INCIDENTS: "/samples/incidents.csv",
};

/** The columns a kind of import takes, from the list the importer reads, with a sample file to start from. */
export function ImportColumns({ kind }: { kind: CsvImportKind }) {
  const label = KIND_LABELS[kind];
  const sample = SAMPLE_FILES[kind];
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-800 underline">Columns for {label}</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>
          One header row, then one row per record. The headers need not match these names: you choose each field&apos;s column after uploading. Start from the sample file,{" "}
          <a href={sample} download className="text-blue-800 underline">
            {sample.split("/").at(-1)}
          </a>
          .
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Columns for {label}</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Field</th>
                <th scope="col" className="py-1 pr-4 font-medium">Needed</th>
                <th scope="col" className="py-1 font-medium">What to put</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {IMPORT_FIELDS[kind].map((field) => (
                <tr key={field.key}>
                  <td className="py-1 pr-4">
                    {field.label} <code className="text-xs text-slate-600">{field.key}</code>
                  </td>
                  <td className="py-1 pr-4">{field.required ? "Required" : "Optional"}</td>
                  <td className="py-1">{field.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
