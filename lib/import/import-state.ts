import type { BadRow } from "./reliability-csv";

/** What the CSV import action answers: stored (with a notice), refused as a whole, or refused row by row. */
export type ImportState =
  | { status: "imported"; notice: string }
  | { status: "refused"; message: string }
  | { status: "bad-rows"; fileName: string; rowCount: number; badRows: BadRow[] };
