"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { CoreSystemOption } from "@/lib/data/reliability";
import { incidentInputSchema } from "@/lib/validation/incident";
import { editRecordFormSchema, newRecordFormSchema } from "@/lib/validation/record-form";

const addSchema = newRecordFormSchema(incidentInputSchema);
const editSchema = editRecordFormSchema(incidentInputSchema);

const HEARD_OPTIONS = [
  { value: "yes", label: "Yes: IT told them first" },
  { value: "no", label: "No: they found out themselves" },
];

export interface EditableIncident {
  id: string;
  coreSystemId: string | null;
  title: string;
  externalRef: string | null;
  occurredAt: Date;
  resolvedAt: Date | null;
  major: boolean;
  heardFromItFirst: boolean | null;
}

type Props = { systems: CoreSystemOption[]; action: FormActionFn } & ({ accountId: string; incident?: undefined } | { accountId?: undefined; incident: EditableIncident });

/** A stored instant as a datetime-local value, in UTC as the form reads it. */
const utcInput = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

/** Records an incident on the unit's service, or corrects one (`incident`). */
export function IncidentForm({ accountId, incident, systems, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, incident ? editSchema : addSchema, {
    id: incident ? `incident-${incident.id}` : "new-incident",
    defaultValue: incident
      ? {
          coreSystemId: incident.coreSystemId ?? "",
          title: incident.title,
          externalRef: incident.externalRef ?? "",
          occurredAt: utcInput(incident.occurredAt),
          resolvedAt: utcInput(incident.resolvedAt),
          major: incident.major ? "on" : undefined,
          heardFromItFirst: incident.heardFromItFirst === null ? "" : incident.heardFromItFirst ? "yes" : "no",
        }
      : undefined,
  });
  return (
    <form {...formProps} className="space-y-4">
      {incident ? <input type="hidden" name="recordId" value={incident.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextField meta={fields.title} label="What happened" placeholder="Month-end close batch failed" autoComplete="off" required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.coreSystemId} label="System" options={systems.map((s) => ({ value: s.id, label: s.name }))} placeholder="Not one core system" />
        <TextField meta={fields.externalRef} label="Ticket number" placeholder="INC0012345" autoComplete="off" hint="From the ITSM tool; a CSV import recognises the incident by it." />
        <TextField meta={fields.occurredAt} label="Started (UTC)" type="datetime-local" required />
        <TextField meta={fields.resolvedAt} label="Resolved (UTC)" type="datetime-local" hint="Blank while it is open." />
        <SelectField meta={fields.heardFromItFirst} label="Did the client hear it from IT first?" options={HEARD_OPTIONS} placeholder="Not known" />
        <CheckboxField meta={fields.major} label="Major incident" className="sm:self-end sm:pb-2" />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        {incident ? "Save incident" : "Add incident"}
      </SubmitButton>
    </form>
  );
}
