"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { DeclinedRequestView } from "@/lib/data/declined-requests";
import { addDeclinedRequestSchema, editDeclinedRequestSchema } from "@/lib/validation/declined-request";
import { dateInputValue } from "@/lib/validation/record-form";

type Props = { action: FormActionFn; today: string } & ({ accountId: string; request?: undefined } | { accountId?: undefined; request: DeclinedRequestView });

const explained = [
  { value: "yes", label: "Yes, the business was told why" },
  { value: "no", label: "No, it was just refused" },
];

/** Records a request IT declined, or corrects one (`request`). */
export function DeclinedRequestForm({ accountId, request, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, request ? editDeclinedRequestSchema : addDeclinedRequestSchema, {
    id: request ? `declined-request-${request.id}` : "new-declined-request",
    defaultValue: request
      ? { request: request.request, declinedAt: dateInputValue(request.declinedAt), reasonExplained: request.reasonExplained ? "yes" : "no", reason: request.reason }
      : { declinedAt: today },
  });
  return (
    <form {...formProps} className="space-y-4">
      {request ? <input type="hidden" name="recordId" value={request.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextareaField meta={fields.request} label="What the business asked for" rows={2} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.declinedAt} label="Declined on" type="date" required />
        <SelectField meta={fields.reasonExplained} label="Was the reason explained?" options={explained} placeholder="Choose…" required />
      </div>
      <TextareaField
        meta={fields.reason}
        label="The reason"
        rows={2}
        hint="Required when it was explained: what the business was told, e.g. “remote access is not possible without encryption”."
      />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={request ? "secondary" : "primary"}>
        {request ? "Save request" : "Record declined request"}
      </SubmitButton>
    </form>
  );
}
