import { db } from "../../../lib/db/client";
import { type ActionModules, openCampaign, recordOf, stagedImport } from "./action-fixtures";
import type { MatrixWorld } from "./world";

// The route params of every page with dynamic segments, naming records of account A (or of its
// people), so that only the caller decides what a page shows.

type Params = Record<string, string | string[]>;
const account = "app/(app)/accounts/[id]";

export const pageParams: Record<string, (w: MatrixWorld, actions: ActionModules) => Promise<Params>> = {
  "app/r/[token]/page.tsx": async () => ({ token: "x".repeat(43) }),
  "app/u/[token]/page.tsx": async () => ({ token: `${"a".repeat(25)}.${"x".repeat(43)}` }),
  "app/(app)/campaigns/[id]/page.tsx": async (w, actions) => ({ id: (await openCampaign(w, actions)).campaignId }),
  "app/(app)/history/[entityType]/[entityId]/page.tsx": async (w) => ({ entityType: "interaction", entityId: w.interaction.id }),
  "app/(app)/admin/mailbox/[emailId]/page.tsx": async (w, actions) => {
    const { invitationId } = await openCampaign(w, actions);
    // As the development mailbox would have sent it.
    const email = await db().emailMessage.findFirstOrThrow({ where: { invitationId }, select: { id: true } });
    await db().emailMessage.update({ where: { id: email.id }, data: { transport: "mailbox", status: "SENT", sentAt: new Date() } });
    return { emailId: email.id };
  },
  "app/(app)/admin/users/[userId]/page.tsx": async (w) => ({ userId: w.users.rmA.id }),
  "app/(app)/import/[id]/page.tsx": async (w) => ({ id: await stagedImport(w) }),
  [`${account}/record/[recordId]/page.tsx`]: async (w) => ({ id: w.a.id, recordId: w.interaction.id }),
  [`${account}/delivery/[projectId]/page.tsx`]: async (w, actions) => ({ id: w.a.id, projectId: await recordOf("project")(w, actions) }),
  [`${account}/follow-ups/[followUpId]/edit/page.tsx`]: async (w) => ({ id: w.a.id, followUpId: w.followUp.id }),
  [`${account}/interactions/[interactionId]/edit/page.tsx`]: async (w) => ({ id: w.a.id, interactionId: w.interaction.id }),
  [`${account}/reliability/incidents/[incidentId]/page.tsx`]: async (w, actions) => ({ id: w.a.id, incidentId: await recordOf("incident")(w, actions) }),
  [`${account}/reliability/sla/[slaPeriodId]/page.tsx`]: async (w, actions) => ({ id: w.a.id, slaPeriodId: await recordOf("slaPeriod")(w, actions) }),
};

/** Params for any page: its own, or A's id for the account's pages. */
export async function paramsFor(file: string, w: MatrixWorld, actions: ActionModules): Promise<Params> {
  const own = pageParams[file];
  if (own) return own(w, actions);
  return file.startsWith(`${account}/`) ? { id: w.a.id } : {};
}
