"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { SecretNotice } from "./secret-notice";

interface Actions {
  rotate: FormActionFn;
  setActive: FormActionFn;
  remove: FormActionFn;
}

/** One subscription's buttons: pause or resume, a new secret, delete. */
export function WebhookControls({ webhookId, url, active, actions }: { webhookId: string; url: string; active: boolean; actions: Actions }) {
  const toggle = useActionForm(actions.setActive, undefined, { id: `webhook-active-${webhookId}` });
  const rotate = useActionForm(actions.rotate, undefined, { id: `webhook-rotate-${webhookId}` });
  const remove = useActionForm(actions.remove, undefined, { id: `webhook-delete-${webhookId}` });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <form {...toggle.formProps}>
          <input type="hidden" name="webhookId" value={webhookId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <SubmitButton variant="secondary" size="sm" pending={toggle.pending} pendingLabel={active ? "Pausing…" : "Resuming…"} aria-label={`${active ? "Pause" : "Resume"} the webhook to ${url}`}>
            {active ? "Pause" : "Resume"}
          </SubmitButton>
          <FormStatus form={toggle.form} lastResult={toggle.lastResult} />
        </form>
        <ConfirmDialog
          actionForm={rotate}
          trigger={
            <Button variant="secondary" size="sm" aria-label={`New signing secret for ${url}`}>
              New secret
            </Button>
          }
          title="Replace the signing secret?"
          description={`Deliveries to ${url} are signed with the new secret from now on; the receiver must switch to it, or it will reject them.`}
          confirmLabel="Replace the secret"
          pendingLabel="Replacing…"
        >
          <input type="hidden" name="webhookId" value={webhookId} />
        </ConfirmDialog>
        <ConfirmDialog
          actionForm={remove}
          trigger={
            <Button variant="danger" size="sm" aria-label={`Delete the webhook to ${url}`}>
              Delete
            </Button>
          }
          title="Delete this webhook?"
          description={`Nothing more is sent to ${url}, and its delivery history goes too. The audit log keeps who deleted it.`}
          confirmLabel="Delete the webhook"
          pendingLabel="Deleting…"
        >
          <input type="hidden" name="webhookId" value={webhookId} />
        </ConfirmDialog>
      </div>
      <SecretNotice result={rotate.lastResult} />
    </div>
  );
}
