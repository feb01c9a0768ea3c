"use client";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";

export type CompleteFollowUpAction = FormActionFn;

interface Props {
  followUpId: string;
  description: string;
  action: CompleteFollowUpAction;
  /** Where on the page the button is ("open" in the summary), when one follow-up has two. */
  place?: string;
}

export function CompleteFollowUpButton({ followUpId, description, action, place = "timeline" }: Props) {
  // One form per follow-up and place on the page, so each needs its own id.
  const { form, formProps, pending } = useActionForm(action, undefined, { id: `complete-follow-up-${place}-${followUpId}` });
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="followUpId" value={followUpId} />
      <Button type="submit" variant="link" size="inline" disabled={pending} className="ml-2 text-xs" aria-label={`Mark done: ${description}`}>
        {pending ? "Saving…" : "Mark done"}
      </Button>
      {form.errors && (
        <span id={form.errorId} role="alert" className="ml-2 text-xs text-red-700">
          {form.errors.join(" ")}
        </span>
      )}
    </form>
  );
}
