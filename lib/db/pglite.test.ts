import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deletePglite, EmbeddedDatabaseLockedError, openPglite } from "./pglite";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A live process that is not this one, standing in for another `npm run dev`. */
async function withOtherProcess(run: (pid: number) => Promise<void>) {
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  try {
    await run(other.pid as number);
  } finally {
    other.kill();
  }
}

describe("the embedded database lock", () => {
  it("refuses a directory another live process holds, naming it and what to do", async () => {
    const dir = tempDir();
    await withOtherProcess(async (pid) => {
      writeFileSync(path.join(dir, "rapport.lock"), String(pid));
      expect(() => openPglite(dir)).toThrow(EmbeddedDatabaseLockedError);
      expect(() => openPglite(dir)).toThrow(new RegExp(`process ${pid}.*kill ${pid}.*DATABASE_URL`, "s"));
      expect(() => deletePglite(dir)).toThrow(EmbeddedDatabaseLockedError);
    });
  });

  it("reclaims a lock left by a dead process, holds it while open and releases it on close", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "rapport.lock"), "999999999");
    const handle = openPglite(dir);
    expect(readFileSync(path.join(dir, "rapport.lock"), "utf8")).toBe(String(process.pid));
    await handle.client.query("select 1");
    await handle.close();
    expect(existsSync(path.join(dir, "rapport.lock"))).toBe(false);
  }, 60_000);

  it("deletes the data of a database nobody holds", async () => {
    const dir = tempDir();
    const handle = openPglite(dir);
    await handle.client.query("create table t (x int)");
    await handle.close();
    deletePglite(dir);
    expect(existsSync(path.join(dir, "pgdata"))).toBe(false);
  }, 60_000);
});
