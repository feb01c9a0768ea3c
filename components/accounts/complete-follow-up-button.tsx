"use client";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/form-action";

export type CompleteFollowUpAction = (previous: ActionResult<{ id: string }> | null, formData: FormData) => Promise<ActionResult<{ id: string }>>;

interface Props {
  followUpId: string;
  description: string;
  action: CompleteFollowUpAction;
}

export function CompleteFollowUpButton({ followUpId, description, action }: Props) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="followUpId" value={followUpId} />
      <button type="submit" disabled={pending} className="ml-2 text-xs text-blue-800 underline disabled:text-slate-400" aria-label={`Mark done: ${description}`}>
        {pending ? "Saving…" : "Mark done"}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
