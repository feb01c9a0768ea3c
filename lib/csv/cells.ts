// One CSV cell and one line as RFC 4180 writes them, safe to open in a spreadsheet. Pure.

export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * Text a spreadsheet would run as a formula (or as DDE) when the file is opened: a cell starting
 * with = + - @, a tab or a carriage return (OWASP's "CSV injection"). Such a cell is written with a
 * leading apostrophe, which Excel, LibreOffice and Sheets show as text. Only text is guarded: a
 * number the database holds (-3) cannot carry a formula and stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Needs quoting under RFC 4180: a comma, a double quote or a line break anywhere (or edge spaces, which some readers trim). */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: cells joined by commas, ended by CRLF (RFC 4180 §2). */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
