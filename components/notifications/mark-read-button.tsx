"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Marks one notification read, or all of them (`notificationId="all"`). */
export function MarkReadButton({ action, notificationId, label }: { action: FormActionFn; notificationId: string; label: string }) {
  const { form, formProps, pending } = useActionForm(action, undefined, { id: `read-${notificationId}` });
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="notificationId" value={notificationId} />
      <Button type="submit" variant="link" size="inline" disabled={pending} className="text-sm" aria-label={label}>
        {pending ? "Saving…" : notificationId === "all" ? "Mark all read" : "Mark read"}
      </Button>
      {form.errors && (
        <span id={form.errorId} role="alert" className="ml-2 text-xs text-red-700">
          {form.errors.join(" ")}
        </span>
      )}
    </form>
  );
}
