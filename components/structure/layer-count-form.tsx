"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { LayerCountView } from "@/lib/data/structure";
import { dateInputValue } from "@/lib/validation/record-form";
import { addLayerCountSchema, editLayerCountSchema } from "@/lib/validation/structure";

type Props = { action: FormActionFn; today: string } & ({ accountId: string; count?: undefined } | { accountId?: undefined; count: LayerCountView });

/** Records how many layers of analysts or coordinators stand between users and developers on a day, or corrects a count. */
export function LayerCountForm({ accountId, count, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, count ? editLayerCountSchema : addLayerCountSchema, {
    id: count ? `layer-count-${count.id}` : "new-layer-count",
    defaultValue: count ? { countedAt: dateInputValue(count.countedAt), count: String(count.count), note: count.note } : { countedAt: today },
  });
  return (
    <form {...formProps} className="space-y-4">
      {count ? <input type="hidden" name="recordId" value={count.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.countedAt} label="Counted on" type="date" required />
        <TextField meta={fields.count} label="Layers between users and developers" type="number" min={0} max={20} inputMode="numeric" required hint="0 when users talk to developers directly." />
        <TextField meta={fields.note} label="Note" hint="Who the layers are, e.g. BA, PMO, solution architects." />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={count ? "secondary" : "primary"}>
        {count ? "Save count" : "Record count"}
      </SubmitButton>
    </form>
  );
}
