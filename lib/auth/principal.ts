import type { Actor } from "../data/permissions";

// Who is asking: a signed-in user, or someone holding an emailed rating link (no account, no
// session; the link's token is the credential and it opens exactly one invitation). The data
// layer decides per record what each may do (decision 002); issue 11 adds API tokens here.

/** What an invitation link lets its holder do: rate one account once, for one campaign. */
export interface InvitationPrincipal {
  kind: "invitation";
  invitation: {
    id: string;
    campaignId: string;
    accountId: string;
    /** Kept off the rating when the campaign is anonymous. */
    contactId: string;
    anonymous: boolean;
  };
}

export type Principal = { kind: "user"; actor: Actor } | InvitationPrincipal;

export const userPrincipal = (actor: Actor): Principal => ({ kind: "user", actor });

/** A name for logs and audit details that never names an anonymous rater. */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === "user") return `user ${principal.actor.id}`;
  return principal.invitation.anonymous ? "an anonymous invitation" : `invitation ${principal.invitation.id}`;
}
