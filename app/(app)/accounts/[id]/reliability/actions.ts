"use server";
import { revalidatePath } from "next/cache";
import { GENERIC_FAILURE } from "@/lib/actions/form-action";
import { recordFormActions, stageChangeText } from "@/lib/actions/record-form";
import { requireActor } from "@/lib/auth/current-actor";
import { isExpectedError, NotFoundError } from "@/lib/data/errors";
import { incidentKind } from "@/lib/data/kinds/incident";
import { slaPeriodKind } from "@/lib/data/kinds/sla-period";
import { type Counts, importReliabilityCsv } from "@/lib/data/reliability-import";
import { chosenFile, csvFileSchema } from "@/lib/import/csv-file";
import type { ImportState } from "@/lib/import/import-state";
import { logUnexpected } from "@/lib/log";
import { idSchema } from "@/lib/validation/fields";

const sla = recordFormActions(slaPeriodKind, "SLA period");
export const createSlaPeriodAction = sla.create;
export const updateSlaPeriodAction = sla.update;
export const deleteSlaPeriodAction = sla.remove;

const incident = recordFormActions(incidentKind, "Incident");
export const createIncidentAction = incident.create;
export const updateIncidentAction = incident.update;
export const deleteIncidentAction = incident.remove;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const counted = (counts: Counts, one: string, many: string) =>
  [counts.created && `${plural(counts.created, one, many)} added`, counts.updated && `${plural(counts.updated, one, many)} updated`].filter(Boolean).join(", ");

/**
 * The CSV upload. Not through `formAction`: that reads form strings only, and this form carries a
 * file, checked here (size, type) before the data layer reads it against the account's systems.
 */
export async function importReliabilityAction(_previous: ImportState | undefined, formData: FormData): Promise<ImportState> {
  try {
    const actor = await requireActor();
    const accountId = idSchema.safeParse(formData.get("accountId"));
    if (!accountId.success) throw new NotFoundError("account");
    const file = csvFileSchema.safeParse(chosenFile(formData.get("file")));
    if (!file.success) return { status: "refused", message: file.error.issues.map((issue) => issue.message).join(". ") };

    const outcome = await importReliabilityCsv(actor, accountId.data, { name: file.data.name, bytes: new Uint8Array(await file.data.arrayBuffer()) });
    if (!outcome.ok) {
      return "fileError" in outcome ? { status: "refused", message: outcome.fileError } : { status: "bad-rows", fileName: file.data.name, ...outcome };
    }
    revalidatePath(`/accounts/${accountId.data}`, "layout");
    revalidatePath("/dashboard");
    const changes = [counted(outcome.sla, "SLA period", "SLA periods"), counted(outcome.incidents, "incident", "incidents")].filter(Boolean).join("; ");
    const rows = outcome.sla.created + outcome.sla.updated + outcome.sla.unchanged + outcome.incidents.created + outcome.incidents.updated + outcome.incidents.unchanged;
    return {
      status: "imported",
      notice: changes
        ? `Imported ${file.data.name}: ${changes}. ${stageChangeText(outcome.change)}.`
        : `Nothing changed: ${rows === 1 ? "the row" : `all ${rows} rows`} of ${file.data.name} ${rows === 1 ? "was" : "were"} already recorded. ${stageChangeText(outcome.change)}.`,
    };
  } catch (error) {
    if (isExpectedError(error)) return { status: "refused", message: error.message };
    logUnexpected("action importReliability", error);
    return { status: "refused", message: GENERIC_FAILURE };
  }
}
