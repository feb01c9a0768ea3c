import { CsvError, type InfoRecord, parse } from "csv-parse/sync";
import { detectDelimiter } from "./text";

// CSV text into rows that know their line in the file, for every import's messages ("line 7: …").

export interface CsvRow {
  /** The row's first line in the file, as an editor numbers it (the header is line 1). */
  line: number;
  cells: string[];
}

/** A row that cannot be imported, and everything wrong with it. */
export interface BadRow {
  line: number;
  problems: string[];
}

/** The header and the rows after it, blank rows left out; or why the text is not CSV. */
export function readCsvTable(text: string): { header: CsvRow; rows: CsvRow[] } | { error: string } {
  let records: { record: string[]; info: InfoRecord }[];
  try {
    // With `info`, each record comes with where it ended (the typings do not know that overload).
    records = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return { error: `This file is not valid CSV: ${csvProblem(error)}` };
    throw error;
  }
  if (records.length === 0) return { error: "The file is empty." };
  // Each record starts on the line after the previous one ended (quoted values may span lines).
  const rows = records.map((r, i) => ({ cells: r.record.map((c) => c.trim()), line: i === 0 ? 1 : records[i - 1]!.info.lines + 1 }));
  const header = rows.shift()!;
  return { header, rows: rows.filter((row) => row.cells.some((c) => c !== "")) };
}

function csvProblem(error: CsvError): string {
  const where = error.lines ? `line ${error.lines}: ` : "";
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return `${where}a quoted value is never closed.`;
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") return `${where}a quote in the middle of a value (quote the whole value and double the quote inside it).`;
  return `${where}${error.message}`;
}

/** Extra empty cells (a trailing comma) are harmless; missing or extra values are not. */
export const widthProblem = (cells: string[], width: number) =>
  cells.length < width || cells.slice(width).some((c) => c !== "") ? `has ${cells.length} values where the header has ${width} columns` : null;
