"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import type { AnyField } from "@/components/ui/field";
import { CRITICALITIES, CRITICALITY_LABELS } from "@/lib/validation/account";

type DetailsFields = Record<"name" | "description" | "criticality" | "meetingCadenceDays", AnyField>;

/** The unit's details, shared by the new-unit form and the settings form. */
export function AccountDetailsFields({ fields }: { fields: DetailsFields }) {
  return (
    <>
      <TextField meta={fields.name} label="Name" autoComplete="off" required />
      <TextareaField meta={fields.description} label="Description" rows={3} hint="What the unit does, in a sentence or two." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          meta={fields.criticality}
          label="Criticality to the business"
          options={CRITICALITIES.map((value) => ({ value, label: CRITICALITY_LABELS[value] }))}
        />
        <TextField
          meta={fields.meetingCadenceDays}
          label="Agreed meeting cadence (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          hint="How often IT and the unit agreed to meet: 7 weekly, 30 monthly, 91 quarterly. Blank: not agreed yet."
        />
      </div>
    </>
  );
}
