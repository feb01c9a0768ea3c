"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CheckState, UploadState } from "@/components/import/states";
import { GENERIC_FAILURE } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/auth/current-actor";
import { type ColumnMapping, getCsvImport, previewCsvImport, stageCsvImport, startCsvImport } from "@/lib/data/csv-imports";
import { isExpectedError, NotFoundError } from "@/lib/data/errors";
import { chosenFile, csvFileSchema } from "@/lib/import/csv-file";
import { CSV_IMPORT_KINDS, IMPORT_FIELDS } from "@/lib/import/records/fields";
import { logUnexpected, withRequestId } from "@/lib/log";
import { idSchema } from "@/lib/validation/fields";

// The CSV import of units, contacts and interactions (decision 034): upload, check the rows with
// a column mapping, start the background import. Not through `formAction`: the upload carries a
// file, and the mapping's fields depend on the kind of import.

const kindSchema = z.enum(CSV_IMPORT_KINDS, { error: "Choose what the file holds: business units, contacts, interactions, service levels or incidents" });

/** One mapping field as posted: "" for "Not imported", else the column's 0-based index. */
const columnSchema = z.union([z.literal("").transform(() => null), z.string().regex(/^\d{1,5}$/).transform(Number)]);

const refused = (message: string) => ({ status: "refused" as const, message });

function failure(name: string, error: unknown) {
  if (isExpectedError(error)) return refused(error.message);
  logUnexpected(`action ${name}`, error);
  return refused(GENERIC_FAILURE);
}

/** The upload: the file is checked (size, type), read and stored with a guessed mapping; then the mapping page. */
export async function uploadCsvImportAction(_previous: UploadState | undefined, formData: FormData): Promise<UploadState> {
  const outcome = await withRequestId(async (): Promise<UploadState | { id: string }> => {
    try {
      const actor = await requireActor();
      const kind = kindSchema.safeParse(formData.get("kind"));
      if (!kind.success) return refused(kind.error.issues.map((issue) => issue.message).join(". "));
      const file = csvFileSchema.safeParse(chosenFile(formData.get("file")));
      if (!file.success) return refused(file.error.issues.map((issue) => issue.message).join(". "));
      const staged = await stageCsvImport(actor, { kind: kind.data, fileName: file.data.name, bytes: new Uint8Array(await file.data.arrayBuffer()) });
      return staged.ok ? { id: staged.id } : refused(staged.fileError);
    } catch (error) {
      return failure("uploadCsvImport", error);
    }
  });
  if ("status" in outcome) return outcome;
  revalidatePath("/import");
  // Outside the try: redirect() works by throwing, and that must reach Next.
  redirect(`/import/${outcome.id}`);
}

/** The import named by the form, and the mapping its fields post ("map.<field>"), or why not. */
async function postedMapping(formData: FormData) {
  const actor = await requireActor();
  const id = idSchema.safeParse(formData.get("importId"));
  if (!id.success) throw new NotFoundError("import");
  const view = await getCsvImport(actor, id.data);
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS[view.kind]) {
    const posted = formData.get(`map.${field.key}`);
    // A field the form did not post is not imported (the form always posts each one).
    const column = columnSchema.safeParse(posted ?? "");
    if (!column.success) return { actor, view, mapping: null };
    mapping[field.key] = column.data;
  }
  return { actor, view, mapping };
}

const checked = (preview: Awaited<ReturnType<typeof previewCsvImport>>): CheckState =>
  preview.ok
    ? { status: "success", rowCount: preview.rowCount, counts: preview.counts }
    : { status: "bad-rows", rowCount: preview.rowCount, mappingErrors: preview.mappingErrors, badRows: preview.badRows };

/** "Check the rows": saves the mapping and reads every row against it; nothing else is written. */
export async function previewCsvImportAction(_previous: CheckState | undefined, formData: FormData): Promise<CheckState> {
  return withRequestId(async () => {
    try {
      const { actor, view, mapping } = await postedMapping(formData);
      if (!mapping) return refused("Choose a column (or “Not imported”) for each field.");
      return checked(await previewCsvImport(actor, view.id, mapping));
    } catch (error) {
      return failure("previewCsvImport", error);
    }
  });
}

/** "Import N rows": checks again with the saved mapping and queues the import; then its progress, on the same page. */
export async function startCsvImportAction(_previous: CheckState | undefined, formData: FormData): Promise<CheckState> {
  const outcome = await withRequestId(async (): Promise<CheckState | { id: string }> => {
    try {
      const actor = await requireActor();
      const id = idSchema.safeParse(formData.get("importId"));
      if (!id.success) throw new NotFoundError("import");
      const started = await startCsvImport(actor, id.data);
      return started.ok ? { id: id.data } : checked(started);
    } catch (error) {
      return failure("startCsvImport", error);
    }
  });
  if ("status" in outcome) return outcome;
  revalidatePath("/import");
  redirect(`/import/${outcome.id}`);
}
