import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { openPglite } from "./pglite";
import { reportLostConnections, watchTransactions } from "./transaction-failures";

// The one module that knows which database Rapport runs on. With DATABASE_URL: PostgreSQL
// through adapter-pg; without it: the embedded PGlite in PGLITE_DIR. Everything above this
// module is identical for both.

export type DatabaseKind = "postgres" | "pglite";

const CONNECT_TIMEOUT_MS = 5_000;

interface Connection {
  kind: DatabaseKind;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  prisma: PrismaClient;
  close: () => Promise<void>;
}

// Survives hot reloads in development, so one process never opens two pools or two PGlites.
const globalForDb = globalThis as typeof globalThis & { __rapportDb?: Connection };

function redact(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? "***" : "";
  return parsed.toString();
}

function connect(): Connection {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) {
    // A server that accepts no connection (down, partitioned) fails the request after 5 s, as a
    // retryable 503, instead of holding it until the client gives up.
    const adapterFactory = new PrismaPg({ connectionString: DATABASE_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    const prisma = reportLostConnections(new PrismaClient({ adapter: watchTransactions(adapterFactory) }));
    return { kind: "postgres", location: redact(DATABASE_URL), adapterFactory, prisma, close: () => prisma.$disconnect() };
  }
  const pglite = openPglite(PGLITE_DIR);
  const adapterFactory = new PrismaPGlite(pglite.client);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: "pglite",
    location: PGLITE_DIR,
    adapterFactory,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** The shared connection, opened on first use (never at import: `next build` has no database). */
export function connection(): Connection {
  globalForDb.__rapportDb ??= connect();
  return globalForDb.__rapportDb;
}

export function db(): PrismaClient {
  return connection().prisma;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.__rapportDb;
  globalForDb.__rapportDb = undefined;
  await current?.close();
}
