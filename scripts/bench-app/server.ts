// The app as users get it: a production build (`next build` into its own dist dir) served by
// `next start` on the benchmark's port and database, and a CIO session signed in through
// next-auth's credentials flow over HTTP. Jobs are off (RAPPORT_JOBS=off) so no scheduled rescore
// runs while pages are timed.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";

// BENCH_DIST_DIR lets two runs share a checkout (each with its own --port and --db-suffix).
export const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";

/** Builds the app into DIST_DIR; restores tsconfig.json, which a custom dist dir makes Next rewrite. */
export function buildApp(log: (line: string) => void): number {
  const started = performance.now();
  log(`next build (NEXT_DIST_DIR=${DIST_DIR})…`);
  const build = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
  });
  const changed = spawnSync("git", ["diff", "--quiet", "--", "tsconfig.json"]).status !== 0;
  if (changed) spawnSync("git", ["checkout", "--", "tsconfig.json"]);
  if (build.status !== 0) {
    process.stderr.write(build.stdout);
    throw new Error("next build failed");
  }
  const seconds = (performance.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return seconds;
}

export const hasBuild = () => existsSync(`${DIST_DIR}/BUILD_ID`);

export interface RunningApp {
  base: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startApp(databaseUrl: string, port: number): Promise<RunningApp> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: base,
      PUBLIC_URL: base,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      RAPPORT_JOBS: "off",
      SMTP_HOST: "",
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM"); // the npx wrapper and the next server it started
    await exited;
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${base}/login`).then((response) => response.ok, () => false)) return { base, process: child, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`${base} did not answer within 2 minutes`);
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] as string);

/** Signs in through next-auth's credentials callback; returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response).filter((cookie) => cookie.includes("session-token"));
  if (session.length === 0) throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  return [...jar, ...session].join("; ");
}

/** GETs a page to its last byte; returns its size, failing on anything but 200. */
export async function getPage(base: string, path: string, cookie: string): Promise<{ bytes: number; html: string }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" }).catch((error: unknown) => {
    // The server closes a keep-alive connection idle past its timeout (5 s), and fetch may reuse it
    // just then: "other side closed" after a long pause (the in-process timing). A GET is safe to
    // send again, on a new connection; anything else is a real failure.
    if (!String((error as { cause?: unknown }).cause ?? "").includes("other side closed")) throw error;
    return fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return { bytes: Buffer.byteLength(html), html };
}
