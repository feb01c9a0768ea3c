import { createRequire } from "node:module";

// The seed stores each invitation's salt and its link's hash, as the campaign job does, so the
// development mailbox's links work in the quick start (the sender re-derives the token from the
// app secret when it renders the email). lib/campaigns/tokens.ts carries the "server-only" marker,
// which keeps it out of client bundles and throws anywhere else; the seed is a server-side script
// (tsx, the browser tests' server set-up), so the marker is satisfied here before it is imported.
const require = createRequire(import.meta.url);
const marker = require.resolve("server-only");
require.cache[marker] ??= { id: marker, filename: marker, loaded: true, exports: {} } as NodeJS.Module;

/** Each invitation's stored hash: its link's for an invitation emailed, an unusable one for a skipped one. */
export async function linkHashes(invitations: readonly { id: string; tokenSalt: string; skippedReason: string | null }[]): Promise<string[]> {
  const { hashToken, invitationToken } = await import("../../lib/campaigns/tokens");
  return invitations.map((i) => {
    const token = invitationToken(i.id, i.tokenSalt);
    return hashToken(i.skippedReason === null ? token : `skipped.${token}`);
  });
}
