"use client";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { CoreSystemOption } from "@/lib/data/reliability";
import { dateInputValue, editRecordFormSchema, newRecordFormSchema } from "@/lib/validation/record-form";
import { slaPeriodInputSchema } from "@/lib/validation/sla";

const addSchema = newRecordFormSchema(slaPeriodInputSchema);
const editSchema = editRecordFormSchema(slaPeriodInputSchema);

export interface EditableSlaPeriod {
  id: string;
  coreSystemId: string | null;
  periodStart: Date;
  periodEnd: Date;
  targetPercent: number;
  attainedPercent: number;
}

type Props = { systems: CoreSystemOption[]; action: FormActionFn } & ({ accountId: string; period?: undefined } | { accountId?: undefined; period: EditableSlaPeriod });

/** Records a core system's service level over a period, or corrects one (`period`). */
export function SlaForm({ accountId, period, systems, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, period ? editSchema : addSchema, {
    id: period ? `sla-${period.id}` : "new-sla-period",
    defaultValue: period
      ? {
          coreSystemId: period.coreSystemId ?? "",
          periodStart: dateInputValue(period.periodStart),
          periodEnd: dateInputValue(period.periodEnd),
          targetPercent: String(period.targetPercent),
          attainedPercent: String(period.attainedPercent),
        }
      : undefined,
  });
  return (
    <form {...formProps} className="space-y-4">
      {period ? <input type="hidden" name="recordId" value={period.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <SelectField
        meta={fields.coreSystemId}
        label="System"
        options={systems.map((s) => ({ value: s.id, label: s.name }))}
        placeholder="The unit's service as a whole"
        hint={systems.length === 0 ? "This unit has no core systems yet: the CIO or an admin adds them in Unit settings." : undefined}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.periodStart} label="Period from" type="date" required />
        <TextField meta={fields.periodEnd} label="Period to" type="date" required />
        <TextField meta={fields.targetPercent} label="Target (%)" inputMode="decimal" placeholder="99.9" autoComplete="off" required />
        <TextField meta={fields.attainedPercent} label="Attained (%)" inputMode="decimal" placeholder="99.95" autoComplete="off" required />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        {period ? "Save SLA period" : "Add SLA period"}
      </SubmitButton>
    </form>
  );
}
