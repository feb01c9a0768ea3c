"use client";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";

export function UnlockButton({ userId, name, action }: { userId: string; name: string; action: FormActionFn }) {
  // One form per locked user on the page, so each needs its own id.
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `unlock-${userId}` });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <span className="text-red-700">Locked</span>
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Unlock ${name}`}>
        Unlock
      </Button>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
