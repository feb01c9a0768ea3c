import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";

// Outside production, a secret generated once per checkout and kept beside the embedded database
// keeps the quick start free of configuration without a shared, guessable secret (anyone knowing
// it could forge a session). Production refuses to start without NEXTAUTH_SECRET.
const DEVELOPMENT_SECRET_FILE = path.join(".data", "nextauth-secret");

let developmentSecret: string | undefined;

export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  // `next build` loads this module but serves no request: nothing is ever signed with this.
  if (process.env.NEXT_PHASE === "phase-production-build") return "unused-at-build-time";
  if (NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET must be set in production (openssl rand -base64 32)");
  developmentSecret ??= readOrCreateDevelopmentSecret();
  return developmentSecret;
}

function readOrCreateDevelopmentSecret(): string {
  try {
    mkdirSync(path.dirname(DEVELOPMENT_SECRET_FILE), { recursive: true });
    writeFileSync(DEVELOPMENT_SECRET_FILE, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // made earlier, or by a parallel process
  }
  return readFileSync(DEVELOPMENT_SECRET_FILE, "utf8").trim();
}
