"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { campaignIdSchema, cancelCampaignSchema, revokeInvitationSchema } from "@/lib/validation/campaign";

/** Cancels a scheduled or open campaign, behind a confirmation. */
export function CancelCampaign({ campaignId, name, action }: { campaignId: string; name: string; action: FormActionFn }) {
  const actionForm = useActionForm(action, cancelCampaignSchema, { id: `cancel-${campaignId}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={<Button variant="danger">Cancel campaign</Button>}
      title={`Cancel “${name}”?`}
      description="No more invitations or reminders go out and every unanswered link stops working. Answers already given stay."
      confirmLabel="Cancel campaign"
      pendingLabel="Cancelling…"
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="confirm" value="yes" />
    </ConfirmDialog>
  );
}

/** Revokes one person's link, behind a confirmation. */
export function RevokeInvitation({ campaignId, invitationId, contactName, action }: { campaignId: string; invitationId: string; contactName: string; action: FormActionFn }) {
  const actionForm = useActionForm(action, revokeInvitationSchema, { id: `revoke-${invitationId}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Revoke ${contactName}'s link`}>
          Revoke
        </Button>
      }
      title={`Revoke ${contactName}'s link?`}
      description="The link stops working at once and no reminder follows. This cannot be undone; they can be asked again in a later campaign."
      confirmLabel="Revoke link"
      pendingLabel="Revoking…"
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="invitationId" value={invitationId} />
    </ConfirmDialog>
  );
}

/** Reminds, now, everyone who has not answered (at most the campaign's number of reminders each). */
export function RemindNow({ campaignId, action }: { campaignId: string; action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, campaignIdSchema, { id: `remind-${campaignId}` });
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="campaignId" value={campaignId} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel="Queueing…">
        Remind those who have not answered
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
