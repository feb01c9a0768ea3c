import type { BadRow } from "@/lib/import/reliability-csv";

/** Every bad row of a refused file, by its line in the file, so it can be corrected there. */
export function BadRowsTable({ fileName, rowCount, badRows }: { fileName: string; rowCount: number; badRows: BadRow[] }) {
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">
        Nothing was imported: {badRows.length} of the {rowCount} rows in {fileName} {badRows.length === 1 ? "has a problem" : "have problems"}. Correct{" "}
        {badRows.length === 1 ? "it" : "them"} in the file and upload it again.
      </p>
      <div className="mt-2 max-h-96 overflow-auto">
        <table className="w-full text-left">
          <caption className="sr-only">Bad rows of {fileName}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Line</th>
              <th scope="col" className="py-1 font-medium">What is wrong</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-red-100">
            {badRows.map((row) => (
              <tr key={row.line} className="align-top">
                <td className="py-1 pr-4 tabular-nums">{row.line}</td>
                <td className="py-1">
                  {row.problems.length === 1 ? (
                    row.problems[0]
                  ) : (
                    <ul className="list-disc pl-4">
                      {row.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
