import "server-only";
import type { TokenPrincipal } from "../../auth/principal";
import { authenticateApiToken } from "../../data/api-tokens";
import { ApiError } from "./errors";

// /api/v1 takes API tokens only (decision 029): `Authorization: Bearer rpt_…`. No cookie counts
// here, so a page on another site cannot make a browser call the API as its user (no CSRF).

const unauthenticated = (message: string) => new ApiError(401, "unauthenticated", message, undefined, { "www-authenticate": 'Bearer realm="rapport"' });

export async function tokenPrincipal(headers: Headers, now = new Date()): Promise<TokenPrincipal> {
  const header = headers.get("authorization");
  const secret = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!secret) throw unauthenticated("Send an API token: Authorization: Bearer <token> (make one under Settings › API tokens).");
  const holder = await authenticateApiToken(secret, now);
  if (!holder) throw unauthenticated("This API token is not valid: it is unknown, revoked or expired, or its user is deactivated.");
  return { kind: "token", ...holder };
}
