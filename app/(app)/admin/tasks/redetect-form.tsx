"use client";
import { getInputProps } from "@conform-to/react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { FieldErrors } from "@/components/ui/field";
import type { FormActionFn } from "@/lib/actions/form-action";
import { redetectSchema } from "./redetect-schema";

/**
 * Asks for every stored text to be re-detected, after a confirmation: the box is checked in the
 * browser and again by the server, and an unticked box is named beside it (with or without JavaScript).
 */
export function RedetectForm({ action }: { action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, redetectSchema, { id: "redetect-phrases" });
  const { key, ...confirm } = getInputProps(fields.confirm, { type: "checkbox" });
  return (
    <form {...formProps} className="space-y-3">
      <div>
        <label htmlFor={fields.confirm.id} className="flex items-start gap-2 text-sm">
          <input key={key} {...confirm} className="mt-1 h-4 w-4 shrink-0" />
          <span>
            I understand that every stored note, quote and rating comment is read again with the current phrase engine, and accounts whose phrases change are re-diagnosed
            (their stage may change).
          </span>
        </label>
        <FieldErrors meta={fields.confirm} className="ml-6" />
      </div>
      <SubmitButton pending={pending} pendingLabel="Queuing…">
        Re-detect phrases now
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
