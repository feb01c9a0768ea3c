import { env } from "../env";

// A fixed secret outside production keeps the two-command quick start free of configuration;
// production refuses to start without a real one.
const DEVELOPMENT_SECRET = "rapport-development-secret-not-for-production";

export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET must be set in production (openssl rand -base64 32)");
  }
  return DEVELOPMENT_SECRET;
}
