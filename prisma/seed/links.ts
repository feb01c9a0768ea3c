import { hashToken, invitationToken } from "../../lib/campaigns/tokens";

// The seed stores each invitation's salt and its link's hash, as the campaign job does, so the
// development mailbox's links work in the quick start (the sender re-derives the token from the
// app secret when it renders the email).

/** Each invitation's stored hash: its link's for an invitation emailed, an unusable one for a skipped one. */
export function linkHashes(invitations: readonly { id: string; tokenSalt: string; skippedReason: string | null }[]): string[] {
  return invitations.map((i) => {
    const token = invitationToken(i.id, i.tokenSalt);
    return hashToken(i.skippedReason === null ? token : `skipped.${token}`);
  });
}
