"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { StructuralEventView } from "@/lib/data/structure";
import { STRUCTURAL_KINDS } from "@/lib/scoring";
import { dateInputValue } from "@/lib/validation/record-form";
import { addStructuralEventSchema, editStructuralEventSchema, STRUCTURAL_EXTRA } from "@/lib/validation/structure";
import { STRUCTURAL_KIND_TEXT } from "./structural-kinds";

type Props = { action: FormActionFn; today: string } & ({ accountId: string; event?: undefined } | { accountId?: undefined; event: StructuralEventView });

const kinds = STRUCTURAL_KINDS.map((value) => ({ value, label: STRUCTURAL_KIND_TEXT[value].label }));
const yesNo = [
  { value: "yes", label: "Yes, it was forced" },
  { value: "no", label: "No" },
];

/**
 * Records a structural sign, or corrects one (`event`). Each kind's extra fact (a shadow team's
 * size, what consultants work on, whether a leadership change was forced) is asked only for that
 * kind once JavaScript runs; before, all three show, each saying which kind it is for, and the
 * server refuses an extra fact given for another kind.
 */
export function StructuralEventForm({ accountId, event, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, event ? editStructuralEventSchema : addStructuralEventSchema, {
    id: event ? `structural-event-${event.id}` : "new-structural-event",
    defaultValue: event
      ? {
          kind: event.kind,
          occurredAt: dateInputValue(event.occurredAt),
          resolvedAt: dateInputValue(event.resolvedAt),
          note: event.note,
          size: event.size === null ? "" : String(event.size),
          subject: event.subject ?? "",
          forced: event.forced === null ? "" : event.forced ? "yes" : "no",
        }
      : { occurredAt: today },
  });
  const hydrated = useHydrated();
  const kind = fields.kind.value as keyof typeof STRUCTURAL_KIND_TEXT | undefined;
  const asks = (field: keyof typeof STRUCTURAL_EXTRA) => !hydrated || kind === STRUCTURAL_EXTRA[field];
  const onlyFor = (field: keyof typeof STRUCTURAL_EXTRA) => (hydrated ? undefined : `Only for ${STRUCTURAL_KIND_TEXT[STRUCTURAL_EXTRA[field]].label.toLowerCase()}.`);

  return (
    <form {...formProps} className="space-y-4">
      {event ? <input type="hidden" name="recordId" value={event.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <SelectField
        meta={fields.kind}
        label="What happened"
        options={kinds}
        placeholder="Choose…"
        required
        hint={kind ? STRUCTURAL_KIND_TEXT[kind].article : "The signs of article 001's later stages, from a methodology imposed to an outsourcing decision."}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.occurredAt} label="When it happened" type="date" required />
        <TextField meta={fields.resolvedAt} label="When it was resolved" type="date" hint="Leave blank while it lasts." />
      </div>
      {asks("size") && <TextField meta={fields.size} label="Size of the shadow team" type="number" min={1} inputMode="numeric" hint={onlyFor("size") ?? "People, if known."} />}
      {asks("subject") && <TextField meta={fields.subject} label="What the consultants are engaged on" hint={onlyFor("subject")} />}
      {asks("forced") && <SelectField meta={fields.forced} label="Was the change forced?" options={yesNo} placeholder="Not known" hint={onlyFor("forced")} />}
      <TextareaField meta={fields.note} label="Note" rows={2} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={event ? "secondary" : "primary"}>
        {event ? "Save event" : "Record event"}
      </SubmitButton>
    </form>
  );
}
