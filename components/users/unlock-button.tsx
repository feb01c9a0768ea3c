"use client";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/form-action";

interface Props {
  userId: string;
  name: string;
  action: (previous: ActionResult<{ userId: string }> | null, formData: FormData) => Promise<ActionResult<{ userId: string }>>;
}

export function UnlockButton({ userId, name, action }: Props) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <span className="text-red-700">Locked</span>
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Unlock ${name}`}>
        Unlock
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">{state?.message}</span>
    </form>
  );
}
