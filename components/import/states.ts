import type { ImportCounts } from "@/lib/data/csv-imports";
import type { BadRow } from "@/lib/import/table";

// What the import screens' server actions answer. "success" and "bad-rows" are answers after the
// import was read (a preview saves its mapping); "refused" wrote nothing.

/** The upload: on success it redirects to the mapping page, so only a refusal comes back. */
export type UploadState = { status: "refused"; message: string };

/** "Check the rows" and "Import": the counts, every bad row (or mapping problem), or a refusal. */
export type CheckState =
  | { status: "success"; rowCount: number; counts: ImportCounts }
  | { status: "bad-rows"; rowCount: number; mappingErrors: string[]; badRows: BadRow[] }
  | { status: "refused"; message: string };

export type UploadAction = (previous: UploadState | undefined, formData: FormData) => Promise<UploadState>;
export type CheckAction = (previous: CheckState | undefined, formData: FormData) => Promise<CheckState>;
