import { PrismaPg } from "@prisma/adapter-pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";
import { databaseUrl, withPgClient as onServer } from "../support/pg-client";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server's URL and a migrated template database each worker's own database is copied from. */
    testDatabase: { serverUrl: string; template: string; prefix: string };
  }
}

/**
 * Migrates a throwaway template database on the DATABASE_URL server once; each worker copies it
 * into a database of its own (tests/setup/database.ts), so the files run in parallel as on PGlite.
 * Drops them all afterwards.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL as string;
  const prefix = `rapport_test_${Date.now()}_${process.pid}`;
  const template = `${prefix}_template`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${template}`));
  await applyMigrations(new PrismaPg({ connectionString: databaseUrl(serverUrl, template) }));
  project.provide("testDatabase", { serverUrl, template, prefix });

  return () =>
    onServer(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
}

/**
 * This worker's database (one per VITEST_POOL_ID, so never used by two files at once), copied
 * from the template the first time the worker asks for it.
 */
export async function workerDatabaseUrl({ serverUrl, template, prefix }: { serverUrl: string; template: string; prefix: string }): Promise<string> {
  const name = `${prefix}_w${Number(process.env.VITEST_POOL_ID ?? 1)}`;
  await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  return databaseUrl(serverUrl, name);
}
