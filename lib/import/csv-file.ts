import { z } from "zod";

// The uploaded file itself, checked before anything reads it: in the browser (a clear message
// before uploading) and in the server action (the authority).

export const MAX_FILE_BYTES = 1_000_000;
export const MAX_ROWS = 5_000;

export const csvFileSchema = z
  .instanceof(File, { error: "Choose a CSV file to upload" })
  .refine((file) => file.size > 0, { error: "The file is empty: export the month again and upload that file" })
  .refine((file) => file.size <= MAX_FILE_BYTES, { error: `The file is larger than ${MAX_FILE_BYTES / 1_000_000} MB: upload one month at a time` })
  // By name: browsers label .csv files variously (Windows says Excel's type). Content is checked after.
  .refine((file) => /\.(csv|txt)$/i.test(file.name) || file.type === "text/csv", { error: "This is not a CSV file: export the report as CSV (.csv) and upload that" });

/** A form without a file posts an empty, nameless File: that is "no file", not an empty one. */
export const chosenFile = (value: FormDataEntryValue | null) => (value instanceof File && (value.name !== "" || value.size > 0) ? value : undefined);
