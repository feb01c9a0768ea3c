"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { cancelCampaignSchema, revokeInvitationSchema } from "@/lib/validation/campaign";

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
