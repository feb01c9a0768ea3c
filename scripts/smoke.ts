// Smoke test of a running server: waits for it, signs in as the demo CIO and opens the dashboard.
// Usage: tsx scripts/smoke.ts http://127.0.0.1:3200
import { DEMO_PASSWORD } from "../prisma/seed/story";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const cookies = new Map<string, string>();

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(new URL(path, base), {
    ...init,
    redirect: "manual",
    headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const [name, ...value] = (pair ?? "").split("=");
    if (name) cookies.set(name.trim(), value.join("="));
  }
  return response;
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      if ((await call("/login")).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no answer from ${base}/login after 60 s`);
}

async function main(): Promise<void> {
  await waitForServer();
  const { csrfToken } = (await (await call("/api/auth/csrf")).json()) as { csrfToken: string };
  await call("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: "cio@rapport.example", password: DEMO_PASSWORD, json: "true" }),
  });
  if (![...cookies.keys()].some((name) => name.includes("session-token"))) throw new Error("signing in as the demo CIO failed");

  const dashboard = await call("/dashboard");
  const html = await dashboard.text();
  if (dashboard.status !== 200 || !html.includes("Relationship portfolio")) {
    throw new Error(`the dashboard answered ${dashboard.status} without the portfolio`);
  }
  const accounts = (await (await call("/api/accounts")).json()) as { accounts: unknown[] };
  if (accounts.accounts.length < 10) throw new Error(`expected the demo accounts, got ${accounts.accounts.length}`);
  console.log(`smoke test passed: signed in as the CIO, dashboard 200, ${accounts.accounts.length} accounts`);
}

main().catch((error: unknown) => {
  console.error("smoke test failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
