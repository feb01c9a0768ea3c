import type { Actor } from "../data/permissions";

// Who is asking: a signed-in user, or someone holding an emailed rating link (no account, no
// session; the link's token is the credential and it opens exactly one invitation). The data
// layer decides per record what each may do (decision 002). The third way in is a personal API
// token (decision 029): it acts as its user, never more, so it carries that user's Actor and the
// data layer checks it exactly as it checks the user; the scope only narrows what it may call.

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

/** A script holding one of a user's API tokens: that user, limited to the token's scope. */
export interface TokenPrincipal {
  kind: "token";
  actor: Actor;
  token: { id: string; scope: "READ" | "WRITE" };
}

export type Principal = { kind: "user"; actor: Actor } | InvitationPrincipal | TokenPrincipal;

export const userPrincipal = (actor: Actor): Principal => ({ kind: "user", actor });

/** A name for logs and audit details that never names an anonymous rater. */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === "user") return `user ${principal.actor.id}`;
  if (principal.kind === "token") return `user ${principal.actor.id} (API token ${principal.token.id})`;
  return principal.invitation.anonymous ? "an anonymous invitation" : `invitation ${principal.invitation.id}`;
}
