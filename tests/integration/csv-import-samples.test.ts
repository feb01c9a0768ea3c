import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessMapping, IMPORT_FIELDS, mappingProblems } from "../../lib/import/records/fields";
import { type ImportContext, readImportRows } from "../../lib/import/records/rows";
import { readCsvTable } from "../../lib/import/table";
import { SAMPLE_FILES } from "../../components/import/import-columns";

// The sample files the import page offers (public/samples/) are good files for the demo: every
// header is guessed as a field, every required field has its column, and every row reads without
// a problem against the demo's units, core systems and relationship managers, imported by Alex
// (who manages Finance, Marketing and Sales) or, for units, by an administrator.

const root = path.join(import.meta.dirname, "../..");
const seedUnits = readdirSync(path.join(root, "prisma/seed/units")).map(
  (file) => JSON.parse(readFileSync(path.join(root, "prisma/seed/units", file), "utf8")) as { key: string; name: string; manager?: string; coreSystems: { key: string; name: string }[] },
);
const staff = (JSON.parse(readFileSync(path.join(root, "prisma/seed/story.json"), "utf8")) as { staff: { key: string; email: string; role: string }[] }).staff;

/** A record id as the database makes them (the schemas refuse others), from a seed key. */
const id = (key: string) => `${key.replace(/[^a-z0-9]/g, "")}${"0".repeat(25)}`.slice(0, 25);

const context = (asAdmin: boolean): ImportContext => ({
  units: seedUnits.map((unit) => ({ id: id(unit.key), name: unit.name, writable: asAdmin || unit.manager === "alex" })),
  managers: staff.filter((person) => person.role === "RELATIONSHIP_MANAGER").map((person) => ({ id: id(person.key), email: person.email })),
  systems: seedUnits.flatMap((unit) => unit.coreSystems.map((system) => ({ id: id(`${unit.key}${system.key}`), accountId: id(unit.key), name: system.name }))),
});

describe("the sample CSV files", () => {
  for (const [kind, href] of Object.entries(SAMPLE_FILES) as [keyof typeof SAMPLE_FILES, string][]) {
    it(`${href} is a good ${kind} file for the demo`, () => {
      const table = readCsvTable(readFileSync(path.join(root, "public", href), "utf8"));
      if ("error" in table) throw new Error(table.error);
      const headers = table.header.cells;
      const mapping = guessMapping(kind, headers);
      // Every column of the sample is some field's.
      expect(headers.filter((_header, i) => !Object.values(mapping).includes(i))).toEqual([]);
      expect(mappingProblems(kind, headers, mapping)).toEqual([]);
      expect(IMPORT_FIELDS[kind].filter((field) => field.required && mapping[field.key] === null)).toEqual([]);
      const read = readImportRows(kind, table.header, table.rows, mapping, context(kind === "ACCOUNTS"));
      expect(read.ok ? [] : read.badRows).toEqual([]);
      expect(table.rows.length).toBeGreaterThanOrEqual(3);
    });
  }
});
