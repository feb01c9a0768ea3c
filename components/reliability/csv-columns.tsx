import { COLUMNS, type ColumnSpec } from "@/lib/import/columns";

const needs = (spec: ColumnSpec) =>
  [spec.requiredFor.length ? `Required for ${spec.requiredFor.join(" and ")} rows` : "", spec.optionalFor.length ? `Optional for ${spec.optionalFor.join(" and ")} rows` : ""]
    .filter(Boolean)
    .join("; ");

/** The columns the import accepts, from the list the parser reads (docs/csv-import.md says the same). */
export function CsvColumns() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-800 underline">Accepted columns</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>
          One header row, then one row per SLA period or incident, separated by commas, semicolons or tabs (UTF-8 or Windows-1252). Either give every row a{" "}
          <code>type</code> (<code>sla</code> or <code>incident</code>), or upload a file of one kind, told by its columns. Header names are matched ignoring case,
          spaces and punctuation; other columns are ignored. Uploading a file again updates what it recorded instead of adding it twice.
        </p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Column</th>
                <th scope="col" className="py-1 pr-4 font-medium">Also accepted</th>
                <th scope="col" className="py-1 pr-4 font-medium">Needed</th>
                <th scope="col" className="py-1 font-medium">What to put</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {Object.values(COLUMNS).map((spec: ColumnSpec) => (
                <tr key={spec.name}>
                  <td className="py-1 pr-4">
                    <code>{spec.name}</code>
                  </td>
                  <td className="py-1 pr-4">{spec.aliases.join(", ")}</td>
                  <td className="py-1 pr-4">{needs(spec)}</td>
                  <td className="py-1">{spec.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
