import { randomUUID } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export class EmbeddedDatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in process ${pid} ` +
        `(probably another "npm run dev", "npm start" or a script). PGlite must not be opened by two ` +
        `processes at once. Stop that process (kill ${pid}) and try again, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

const LOCK_FILE = "rapport.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive, PID-stamped lock on the directory; a lock left by a dead process is reclaimed.
 * The lock file appears whole (written aside, then hard-linked into place, which fails if one
 * exists), and a stale one is moved away by rename, which only one of two reclaimers can win.
 */
function lockDirectory(dir: string): () => void {
  const lockPath = path.join(dir, LOCK_FILE);
  const pending = path.join(dir, `${LOCK_FILE}.${process.pid}.${randomUUID()}`);
  writeFileSync(pending, String(process.pid));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(pending, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = Number.parseInt(readLock(lockPath), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new EmbeddedDatabaseLockedError(dir, owner);
      }
      try {
        const stale = `${lockPath}.stale.${randomUUID()}`;
        renameSync(lockPath, stale);
        rmSync(stale, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // another process reclaimed it first
      }
    }
    throw new Error(`Could not lock the embedded database in ${dir}`);
  } finally {
    rmSync(pending, { force: true });
  }
}

function readLock(lockPath: string): string {
  try {
    return readFileSync(lockPath, "utf8");
  } catch {
    return "";
  }
}

export interface OpenedPglite {
  client: PGlite;
  close: () => Promise<void>;
}

/**
 * Opens PGlite in `dir` ("memory://" for a throwaway in-memory database).
 * The caller owns the returned handle and must close it.
 */
export function openPglite(dir: string): OpenedPglite {
  if (dir.startsWith("memory://")) {
    const client = new PGlite();
    return { client, close: () => client.close() };
  }
  const absolute = path.resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const unlock = lockDirectory(absolute);
  process.once("exit", unlock);
  try {
    const client = new PGlite(path.join(absolute, "pgdata"));
    let closed = false;
    return {
      client,
      close: async () => {
        if (closed) return;
        closed = true;
        await client.close();
        unlock();
        process.off("exit", unlock);
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Deletes an embedded database, holding its lock meanwhile: refused while another process has it open. */
export function deletePglite(dir: string): void {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) return;
  const unlock = lockDirectory(absolute);
  try {
    rmSync(path.join(absolute, "pgdata"), { recursive: true, force: true });
  } finally {
    unlock();
  }
}
