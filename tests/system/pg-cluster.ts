// A PostgreSQL cluster of the test's own, in a temporary folder on a free port, to crash on
// purpose: never the shared server on 5432. Built from the PostgreSQL 15 binaries (or
// PG_BIN_DIR); as root, the server runs as the `postgres` user, which initdb requires.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

/** False on a machine without the PostgreSQL server binaries (Rapport itself runs without them). */
export const clusterAvailable = existsSync(path.join(BIN, "initdb"));

export interface Cluster {
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Starts the server and waits until it accepts connections (after crash recovery, if any). */
  start(): void;
  /** `pg_ctl stop -m immediate`: every backend killed at once, no checkpoint; the next start replays the WAL. */
  crash(): void;
  /** Stops the server if it runs and deletes the folder. Safe to call twice. */
  remove(): void;
}

/** A free TCP port on the loopback interface (the kernel picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function asPostgres(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim()));
  return { uid: uid as number, gid: gid as number };
}

export async function createCluster(): Promise<Cluster> {
  const root = mkdtempSync(path.join(tmpdir(), "rapport-pg-"));
  const data = path.join(root, "data");
  const owner = asPostgres();
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chmodSync(root, 0o700);
  }
  const run = (binary: string, args: string[], { check = true } = {}) => {
    const command = owner ? "runuser" : path.join(BIN, binary);
    const argv = owner ? ["-u", "postgres", "--", path.join(BIN, binary), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", cwd: root });
    if (check && result.status !== 0) throw new Error(`${binary} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
    return result;
  };
  const port = await freePort();
  let running = false;
  let removed = false;

  // fsync and synchronous commit stay on (the defaults, spelled out): an acknowledged commit is on disk.
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on`;

  const cluster: Cluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(root, "server.log"), "-w", "-t", "60", "start"]);
      running = true;
    },
    crash() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    remove() {
      if (removed) return;
      removed = true;
      if (running) run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], { check: false });
      rmSync(root, { recursive: true, force: true });
      process.off("exit", onExit);
    },
  };
  // Even if the test run is torn down without its afterAll hooks: no stray server, no folder left.
  const onExit = () => cluster.remove();
  process.on("exit", onExit);
  return cluster;
}
