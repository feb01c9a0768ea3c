import { afterAll, describe, expect, it } from "vitest";
import { POST as oneClick } from "../../app/api/unsubscribe/[token]/route";
import { unsubscribeToken } from "../../lib/campaigns/tokens";
import { closeDb } from "../../lib/db/client";
import { RETRY_AFTER_SECONDS } from "../../lib/db/errors";
import { resetEnvCache } from "../../lib/env";
import { newId } from "../../prisma/seed/factories";

// Issue 9: while the database is away, the one-click unsubscribe route answers like every other
// route: 503 with Retry-After (the mail client may post again), never a 500, and nothing about
// the database. The app is pointed at a server that refuses connections.

const original = process.env.DATABASE_URL;
afterAll(async () => {
  await closeDb();
  if (original === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = original;
  resetEnvCache();
});

describe("one-click unsubscribe during a database outage", () => {
  it("answers 503 with Retry-After", async () => {
    await closeDb();
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    resetEnvCache();
    const token = unsubscribeToken(newId());
    const response = await oneClick(
      new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.text()).not.toMatch(/127\.0\.0\.1|\bport\b|prisma|postgres|P\d{4}|ECONN/i);
  });
});
