"use server";
import { formAction } from "@/lib/actions/form-action";
import { cancelCampaign, createCampaign, remindNow, revokeInvitation } from "@/lib/data/campaigns";
import { tickCampaignsNow } from "@/lib/campaigns/tick-now";
import { campaignIdSchema, campaignInputSchema, cancelCampaignSchema, revokeInvitationSchema } from "@/lib/validation/campaign";

export const createCampaignAction = formAction(
  "createCampaign",
  campaignInputSchema,
  async (actor, input) => {
    const created = await createCampaign(actor, input);
    if (created.opensNow) await tickCampaignsNow();
    return created;
  },
  ({ id, opensNow }, input) => ({
    notice: opensNow ? `“${input.name}” is open: invitations are being sent.` : `“${input.name}” is scheduled; invitations go out on its opening day.`,
    redirectTo: `/campaigns/${id}`,
  }),
);

export const cancelCampaignAction = formAction(
  "cancelCampaign",
  cancelCampaignSchema,
  (actor, input) => cancelCampaign(actor, input.campaignId),
  ({ name, revoked }) => ({ notice: `“${name}” is cancelled: ${revoked === 1 ? "1 unanswered link no longer works" : `${revoked} unanswered links no longer work`}; answers already given stay.` }),
);

export const revokeInvitationAction = formAction(
  "revokeInvitation",
  revokeInvitationSchema,
  (actor, input) => revokeInvitation(actor, input),
  ({ contactName }) => ({ notice: `${contactName}'s link is revoked: it no longer works and no reminder follows.` }),
);

export const remindNowAction = formAction(
  "remindNow",
  campaignIdSchema,
  (actor, input) => remindNow(actor, input.campaignId),
  ({ reminders }) => ({
    notice: reminders === 0 ? "Nobody to remind: everyone answered, has had every reminder, or unsubscribed." : `${reminders === 1 ? "1 reminder" : `${reminders} reminders`} queued, only to those who have not answered.`,
  }),
);
