import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which plain
// Node (tsx) only loads behind --experimental-wasm-modules and Vite/Vitest not at all. So we use
// its wasm-bindgen JS glue directly and instantiate the .wasm bytes ourselves: same engine, and it
// works the same under tsx and Vitest. (Inside Next it would need
// serverExternalPackages: ["@prisma/schema-engine-wasm"]; Rapport migrates from scripts instead.)
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

// The glue keeps the instance in its own module state, so instantiate once per glue module. Keyed
// on the glue module itself (not a flag here): Vitest re-evaluates this file for each test file
// but shares the externalised glue within a worker.
const globalForEngine = globalThis as typeof globalThis & { __rapportSchemaEngineGlue?: WeakSet<object> };

/** Instantiates the WebAssembly module once per glue module instance. */
function ensureWasm(): void {
  const initialized = (globalForEngine.__rapportSchemaEngineGlue ??= new WeakSet());
  if (initialized.has(glue)) return;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  // Synchronous compile takes ~25 ms here (V8 compiles lazily) and keeps the check above race-free.
  const compiled = new WebAssembly.Module(bytes);
  // The engine arms ~10 s timeouts and, having no clearTimeout import, never cancels them: each
  // kept Node alive ~10 s after the work was done (every script took 11 s). Unref them;
  // withSchemaEngine keeps the process alive while a command runs instead.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
  }
  const instance = new WebAssembly.Instance(compiled, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialized.add(glue);
}


/**
 * Opens Prisma's schema engine over a driver adapter. `adapterFactory` decides the database
 * (adapter-pg → PostgreSQL, pglite-prisma-adapter → PGlite); the engine connects at once, even if
 * the commands used need no database. Low level: the caller must `free()` the engine, dispose the
 * adapters and keep the process alive meanwhile. Use `withSchemaEngine`.
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels?: [path: string, content: string][],
): Promise<SchemaEngine> {
  ensureWasm();
  // The engine reports progress and SQL as JSON log lines; only shown when asked for.
  const log = (line: string) => {
    if (process.env.RAPPORT_DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${line}`);
  };
  return glue.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/** What the two adapters Rapport migrates through hold, beyond SqlDriverAdapter's interface. */
type AdapterInternals = {
  underlyingDriver?: () => { query(sql: string): Promise<unknown> };
  client?: { exec(sql: string): Promise<unknown> };
  onError?: (error: unknown) => never;
};

/**
 * Makes `adapter` run each migration file as one script, the way the native engine does (one
 * simple-query message, which PostgreSQL runs as one implicit transaction). adapter-pg splits the
 * text at every `;` instead, which cut apart any function body holding one (the older migrations
 * hide theirs as `\073` in E-strings, and still apply the same), and it applied a file half-way
 * when a statement failed. pglite-prisma-adapter already sends the whole text, but does not wait
 * for it: a failing migration was recorded as applied and its error went unhandled.
 * Errors are converted by the adapter's own handler, so the engine reports PostgreSQL's message.
 */
function executeScriptsWhole(adapter: SqlDriverAdapter): void {
  const internals = adapter as SqlDriverAdapter & AdapterInternals;
  const fail = (error: unknown): never => {
    internals.onError?.call(adapter, error);
    throw error;
  };
  let run: ((script: string) => Promise<unknown>) | undefined;
  if (adapter.adapterName === "@prisma/adapter-pg" && internals.underlyingDriver) {
    const pool = internals.underlyingDriver();
    // No parameters: node-postgres sends the text as one simple query, statements and all.
    run = (script) => pool.query(script);
  } else if (adapter.adapterName === "pglite-prisma-adapter" && internals.client) {
    const db = internals.client;
    run = (script) => db.exec(script);
  }
  if (!run) return;
  const whole = run;
  adapter.executeScript = async (script) => {
    await whole(script).catch(fail);
  };
}

/**
 * Runs `run` with an engine over `adapterFactory`, then frees the engine and disposes every
 * connection it opened: the engine does not dispose adapters itself, and an undisposed adapter-pg
 * pool keeps the process alive. Shadow databases come from `shadowFactory` when given (default:
 * the adapter factory's own `connectToShadowDb`).
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
  options: { shadowFactory?: () => Promise<SqlDriverAdapter> } = {},
): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    executeScriptsWhole(adapter);
    let disposed: Promise<void> | undefined;
    const dispose = adapter.dispose.bind(adapter);
    // Idempotent: the engine may dispose an adapter itself (adapter-pg's pool throws on a 2nd end()).
    adapter.dispose = () => (disposed ??= dispose());
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () =>
      track(await (options.shadowFactory ? options.shadowFactory() : adapterFactory.connectToShadowDb())),
  };
  // Engine timers are unref'd (see ensureWasm): this handle keeps the process alive meanwhile.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const engine = await openSchemaEngine(tracked).catch((error: unknown) => {
    clearInterval(keepAlive);
    throw error;
  });
  try {
    return await run(engine);
  } finally {
    clearInterval(keepAlive);
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}
