import path from "node:path";
import { actions } from "../../inventory";
import type { ActionModules } from "./action-fixtures";

// Every server action in the inventory, by name, loaded from its file (after the test file's
// vi.mock calls, so each runs with the faked session).

const root = path.join(import.meta.dirname, "../../..");

export async function loadActionModules(): Promise<ActionModules> {
  const modules: ActionModules = {};
  for (const file of new Set(actions.map((row) => row.file))) Object.assign(modules, await import(path.join(root, file)));
  return modules;
}
