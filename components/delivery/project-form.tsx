"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { humanize } from "@/lib/format";
import { PROJECT_STATUSES } from "@/lib/scoring/enums";
import { projectInputSchema } from "@/lib/validation/project";
import { dateInputValue, editRecordFormSchema, newRecordFormSchema } from "@/lib/validation/record-form";

const addSchema = newRecordFormSchema(projectInputSchema);
const editSchema = editRecordFormSchema(projectInputSchema);
const STATUS_OPTIONS = PROJECT_STATUSES.map((value) => ({ value, label: humanize(value) }));

export interface EditableProject {
  id: string;
  name: string;
  description: string;
  highProfile: boolean;
  status: (typeof PROJECT_STATUSES)[number];
  plannedStart: Date | null;
  plannedEnd: Date;
  actualEnd: Date | null;
  budget: number | null;
  actualCost: number | null;
  scopeDeliveredPercent: number | null;
}

type Props = { accountId: string; project?: undefined; action: FormActionFn } | { accountId?: undefined; project: EditableProject; action: FormActionFn };

const text = (value: number | null) => (value === null ? "" : String(value));

/** Adds a project to the unit, or corrects one (`project`): every field the diagnosis reads. */
export function ProjectForm({ accountId, project, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, project ? editSchema : addSchema, {
    id: project ? `project-${project.id}` : "new-project",
    defaultValue: project
      ? {
          name: project.name,
          description: project.description,
          highProfile: project.highProfile ? "on" : undefined,
          status: project.status,
          plannedStart: dateInputValue(project.plannedStart),
          plannedEnd: dateInputValue(project.plannedEnd),
          actualEnd: dateInputValue(project.actualEnd),
          budget: text(project.budget),
          actualCost: text(project.actualCost),
          scopeDeliveredPercent: text(project.scopeDeliveredPercent),
        }
      : { status: "IN_PROGRESS" },
  });
  return (
    <form {...formProps} className="space-y-4">
      {project ? <input type="hidden" name="recordId" value={project.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextField meta={fields.name} label="Project" placeholder="General ledger upgrade" autoComplete="off" required />
      <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
        <SelectField meta={fields.status} label="Status" options={STATUS_OPTIONS} required />
        <CheckboxField meta={fields.highProfile} label="High profile" hint="The business is watching it: a miss here hurts most (article 001)." />
      </div>
      <TextareaField
        meta={fields.statusNote}
        label={project ? "Why the status changed" : "Note for the status history"}
        hint="Kept in the project's status history when the status changes."
        rows={2}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.plannedStart} label="Planned start" type="date" />
        <TextField meta={fields.plannedEnd} label="Planned end" type="date" required />
        <TextField meta={fields.actualEnd} label="Actual end" type="date" hint="When it was delivered or cancelled." />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.budget} label="Budget" inputMode="decimal" placeholder="250,000" autoComplete="off" />
        <TextField meta={fields.actualCost} label="Actual cost" inputMode="decimal" hint="Spent so far, or the forecast at completion." autoComplete="off" />
        <TextField meta={fields.scopeDeliveredPercent} label="Scope delivered (%)" type="number" min={0} max={100} step={1} hint="Of what was agreed, once delivered." />
      </div>
      <TextareaField meta={fields.description} label="Description" rows={2} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        {project ? "Save project" : "Add project"}
      </SubmitButton>
    </form>
  );
}
