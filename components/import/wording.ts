import type { ImportCounts } from "@/lib/data/csv-imports";

// The sentences the import screens say about counts, shared by the page (as served) and the
// progress bar (once it sees the end).

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const rowsText = (n: number) => plural(n, "row", "rows");

/** What an import did: "12 created, 3 updated, 0 unchanged". */
export const countsText = (counts: ImportCounts) =>
  `${counts.created.toLocaleString("en")} created, ${counts.updated.toLocaleString("en")} updated, ${counts.unchanged.toLocaleString("en")} unchanged`;

/** "Imported contacts.csv: 12 created, 3 updated, 0 unchanged." */
export const importedText = (fileName: string, counts: ImportCounts) => `Imported ${fileName}: ${countsText(counts)}.`;

/** What a check found, before anything is written: "12 new, 3 updated, 0 unchanged". */
export const previewText = (counts: ImportCounts) =>
  `${counts.created.toLocaleString("en")} new, ${counts.updated.toLocaleString("en")} updated, ${counts.unchanged.toLocaleString("en")} unchanged`;

/** A FAILED import's sentence, which the job starts with "Nothing was imported"; said again if not. */
export const failedText = (error: string | null) =>
  error && /^nothing was imported/i.test(error) ? error : `Nothing was imported: ${error ?? "the import stopped."}`;
