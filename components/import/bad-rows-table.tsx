import type { BadRow } from "@/lib/import/table";

/**
 * Every bad row of a refused file, by its line in the file, so it can be corrected there (the
 * reliability import and the CSV import of units, contacts and interactions). `advice` replaces
 * the closing "correct it in the file" where there is more than one way to put it right.
 */
export function BadRowsTable({ fileName, rowCount, badRows, advice }: { fileName: string; rowCount: number; badRows: BadRow[]; advice?: string }) {
  return (
    <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">
        Nothing was imported: {badRows.length} of the {rowCount} rows in {fileName} {badRows.length === 1 ? "has a problem" : "have problems"}.{" "}
        {advice ?? `Correct ${badRows.length === 1 ? "it" : "them"} in the file and upload it again.`}
      </p>
      {/* Focusable: a long list scrolls, and a keyboard must be able to scroll it. */}
      <div tabIndex={0} role="region" aria-label={`Bad rows of ${fileName}`} className="mt-2 max-h-96 overflow-auto focus-visible:outline-2 focus-visible:outline-blue-700">
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
