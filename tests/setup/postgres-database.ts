import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/** Creates a throwaway database on the DATABASE_URL server, migrates it, and drops it afterwards. */
export default async function setup(project: TestProject) {
  const serverUrl = new URL(process.env.DATABASE_URL as string);
  const name = `rapport_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const testUrl = new URL(serverUrl);
  testUrl.pathname = `/${name}`;
  await applyMigrations(new PrismaPg({ connectionString: testUrl.toString() }));
  project.provide("testDatabaseUrl", testUrl.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl.toString() });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}
