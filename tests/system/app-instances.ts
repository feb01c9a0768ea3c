// Production instances of the app for the system tests: one `next build` (skipped while the dist
// directory is newer than every source file), then `next start` processes on free ports.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./pg-cluster";

/** The build the browser tests use too (NEXT_DIST_DIR, default .next). */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "public"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds unless DIST_DIR holds a build newer than every source file; returns whether it built. */
export function ensureBuild(): boolean {
  const buildId = path.join(DIST_DIR, "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime))) return false;
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  return true;
}

export interface Instance {
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` on `port` (default: a free one) and waits until its health endpoint answers 200. */
export async function startInstance(env: Record<string, string>, port?: number): Promise<Instance> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const instance: Instance = {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // npx starts next as a child: signal the whole process group this test started (gone already: fine).
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-(child.pid as number), name);
        } catch {}
      };
      signal("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) signal("SIGKILL");
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return instance;
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${url} was not healthy within 2 minutes:\n${output}`);
    }
    await sleep(500);
  }
}
