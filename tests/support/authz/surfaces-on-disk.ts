import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What the app serves, read from the files themselves: the inventory test compares it with
// tests/inventory.ts so that a new page, action or route without a row fails the build.

const root = path.join(import.meta.dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const source = (file: string) => readFileSync(path.join(root, file), "utf8");

/** Names a module exports: `export [async] function X`, `export const X`, `export { a as X }`. */
function exportedNames(text: string): string[] {
  const names = [...text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] as string);
  for (const list of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of (list[1] as string).split(",")) {
      const name = item.trim().split(/\s+as\s+/).at(-1)?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** A module whose first statement is the "use server" directive: every export is a public POST endpoint. */
const isServerActionModule = (text: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(text);

const code = [...filesUnder("app"), ...filesUnder("lib"), ...filesUnder("components")].filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));

export const pagesOnDisk = () => filesUnder("app").filter((file) => /\/page\.(tsx|ts|jsx|js)$/.test(file));

export const routesOnDisk = () =>
  filesUnder("app")
    .filter((file) => /\/route\.(ts|js)$/.test(file))
    .map((file) => ({ file, methods: exportedNames(source(file)).filter((name) => (HTTP_METHODS as readonly string[]).includes(name)).sort() }));

export const actionsOnDisk = () =>
  code.filter((file) => isServerActionModule(source(file))).flatMap((file) => exportedNames(source(file)).map((name) => ({ file, name })));
