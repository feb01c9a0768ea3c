import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COLUMNS } from "./columns";
import { MAX_ROWS, csvFileSchema } from "./csv-file";
import { type ParsedImport, parseReliabilityCsv } from "./reliability-csv";

const SYSTEMS = [
  { id: "cerp000000000000000000000", name: "ERP" },
  { id: "crep000000000000000000000", name: "Financial reporting" },
];
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/csv", name)));
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, systems = SYSTEMS) => parseReliabilityCsv(bytes(text), systems);

function good(result: ParsedImport) {
  if (!result.ok) throw new Error(`expected a good file, got ${JSON.stringify(result)}`);
  return result;
}
const fileError = (result: ParsedImport) => ("fileError" in result ? result.fileError : null);
const badRows = (result: ParsedImport) => ("badRows" in result ? result.badRows : null);

const SLA_HEADER = "system,period_start,period_end,target_percent,attained_percent";
const INCIDENT_HEADER = "system,ticket,title,opened_at,resolved_at,major,heard_from_it_first";

describe("a month of SLA and incident rows from an ITSM tool", () => {
  it("reads the sample file: SLA periods and incidents, systems matched whatever their case", () => {
    const { sla, incidents } = good(parseReliabilityCsv(fixture("sla-month.csv"), SYSTEMS));
    expect(sla).toEqual([
      {
        line: 2,
        input: { coreSystemId: SYSTEMS[0]!.id, periodStart: new Date("2026-10-01T00:00:00Z"), periodEnd: new Date("2026-10-31T00:00:00Z"), targetPercent: 99.9, attainedPercent: 99.95 },
      },
      { line: 3, input: expect.objectContaining({ coreSystemId: SYSTEMS[1]!.id, targetPercent: 99.5, attainedPercent: 97.2 }) },
    ]);
    expect(incidents).toEqual([
      {
        line: 4,
        input: {
          coreSystemId: SYSTEMS[0]!.id,
          title: "Month-end close batch failed",
          externalRef: "INC0012345",
          occurredAt: new Date("2026-10-30T22:15:00Z"),
          resolvedAt: new Date("2026-10-31T03:40:00Z"),
          major: true,
          heardFromItFirst: false,
        },
      },
      { line: 5, input: expect.objectContaining({ coreSystemId: SYSTEMS[1]!.id, major: false, heardFromItFirst: null, resolvedAt: new Date("2026-10-12T11:00:00Z") }) },
      { line: 6, input: expect.objectContaining({ title: "Login errors, morning", occurredAt: new Date("2026-10-20T07:00:00Z"), resolvedAt: null, heardFromItFirst: true }) },
    ]);
  });

  it("names every bad row of the bad sample, with its line and what is wrong", () => {
    expect(badRows(parseReliabilityCsv(fixture("sla-month-bad.csv"), SYSTEMS))).toEqual([
      { line: 3, problems: ["system: “Payroll” is not a core system of this unit (one of: ERP, Financial reporting)"] },
      { line: 4, problems: ["attained_percent: The level attained must be between 0 and 100"] },
      { line: 5, problems: ["ticket: enter the ticket number (the import recognises incidents by it)"] },
      { line: 6, problems: ["major: must be yes or no", "opened_at: Enter when it started as a date and time"] },
      { line: 7, problems: ["type: must be sla or incident"] },
      { line: 8, problems: ["the same system and period as line 2"] },
    ]);
  });

  it("recognises an SLA-only or incident-only export by its headers, under other common names", () => {
    const sla = good(parse(`System,Period Start,Period End,Target %,Attained %,Owner\nERP,2026-11-01,2026-11-30,99.9,99.1,Sam\n`));
    expect(sla.sla).toHaveLength(1);
    expect(sla.incidents).toEqual([]);
    const incidents = good(parse(`Number;Short description;Service;Opened;Major incident\nINC1;Outage;erp;2026-11-03 14:22:10;True\n`));
    expect(incidents.incidents[0]?.input).toMatchObject({ externalRef: "INC1", title: "Outage", major: true, heardFromItFirst: null, occurredAt: new Date("2026-11-03T14:22:10Z") });
  });

  it("titles an untitled incident by its ticket and reads yes/no whatever the case", () => {
    const { incidents } = good(parse(`${INCIDENT_HEADER}\nERP,INC9,,2026-11-03 14:22,,NO,Yes\n`));
    expect(incidents[0]?.input).toMatchObject({ title: "Incident INC9", major: false, heardFromItFirst: true });
  });

  it("numbers lines as an editor does: after a value spanning two lines, blank lines and Windows line ends", () => {
    const text = `${INCIDENT_HEADER}\r\nERP,INC1,"Two\r\nlines",2026-11-03 14:22,,no,\r\n\r\nERP,INC2,Fine,not a date,,no,\r\n`;
    expect(badRows(parse(text))).toEqual([{ line: 5, problems: ["opened_at: Enter when it started as a date and time"] }]);
  });

  it("refuses a period that ends before it starts, a resolution before the start, and a ticket twice", () => {
    expect(badRows(parse(`${SLA_HEADER}\nERP,2026-11-30,2026-11-01,99,99\n`))).toEqual([{ line: 2, problems: ["period_end: The period's last day must be on or after its first day"] }]);
    const text = `${INCIDENT_HEADER}\nERP,INC1,Aa,2026-11-03 14:22,2026-11-02 10:00,no,\nERP,INC2,Bb,2026-11-03 14:22,,no,\nERP,INC2,Cc,2026-11-04 14:22,,no,\n`;
    expect(badRows(parse(text))).toEqual([
      { line: 2, problems: ["resolved_at: It cannot be resolved before it started"] },
      { line: 4, problems: ["ticket INC2 is also on line 3"] },
    ]);
  });

  it("refuses blank and unknown systems, naming the unit's systems or saying it has none", () => {
    expect(badRows(parse(`${SLA_HEADER}\n,2026-11-01,2026-11-30,99,99\n`))?.[0]?.problems).toEqual(["system: name the core system (one of: ERP, Financial reporting)"]);
    expect(badRows(parse(`${SLA_HEADER}\nERP,2026-11-01,2026-11-30,99,99\n`, []))?.[0]?.problems).toEqual([
      "system: “ERP” is not a core system of this unit (this unit has no core systems yet: add them in Unit settings)",
    ]);
  });

  it("refuses rows with missing or extra values, but not a trailing comma", () => {
    const result = parse(`${SLA_HEADER}\nERP,2026-11-01,2026-11-30,99,99,\nERP,2026-10-01,2026-10-31,99\nERP,2026-09-01,2026-09-30,99,99,oops\n`);
    expect(badRows(result)?.map((row) => [row.line, row.problems[0]])).toEqual([
      [3, "has 4 values where the header has 5 columns"],
      [4, "has 6 values where the header has 5 columns"],
    ]);
  });
});

describe("files the import cannot read", () => {
  it("says which columns are missing", () => {
    expect(fileError(parse(`system,period_start,target_percent\nERP,2026-11-01,99\n`))).toBe(
      "The file is missing columns. SLA rows need: period_end, attained_percent. Incident rows need: ticket, opened_at, major. Or add a type column (sla or incident).",
    );
    expect(fileError(parse(`type,${SLA_HEADER}\nincident,ERP,2026-11-01,2026-11-30,99,99\n`))).toBe("The file has incident rows but no column for: ticket, opened_at, major.");
    expect(fileError(parse(`${SLA_HEADER},ticket,opened_at,major\nERP,2026-11-01,2026-11-30,99,99,,,\n`))).toMatch(/add a type column/);
    expect(fileError(parse(`system,Service,period_start\nERP,ERP,2026-11-01\n`))).toBe("Two columns mean system: “system” and “Service”. Remove one of them.");
  });

  it("refuses empty files, a header alone, binary data, broken quotes and too many rows", () => {
    expect(fileError(parse(""))).toMatch(/^The file is empty/);
    expect(fileError(parse("\n \n"))).toMatch(/^The file is empty/);
    expect(fileError(parse(`${SLA_HEADER}\n,,,,\n`))).toMatch(/^The file has a header but no rows/);
    expect(fileError(parseReliabilityCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), SYSTEMS))).toMatch(/^This is not a CSV file/);
    expect(fileError(parse(`${SLA_HEADER}\nERP,"2026-11-01,2026-11-30,99,99\n`))).toBe("This file is not valid CSV: line 2: a quoted value is never closed.");
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `ERP,2026-11-01,2026-11-30,99,${i % 100}`).join("\n");
    expect(fileError(parse(`${SLA_HEADER}\n${rows}\n`))).toMatch(/^The file has 5,001 rows; at most 5,000/);
  });

  it("reads a Windows-1252 export with a byte-order-marked UTF-8 twin alike", () => {
    const latin = new Uint8Array([...bytes(`${INCIDENT_HEADER}\nERP,INC1,Caf`), 0xe9, ...bytes(` down,2026-11-03 14:22,,no,\n`)]);
    expect(good(parseReliabilityCsv(latin, SYSTEMS)).incidents[0]?.input.title).toBe("Café down");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${INCIDENT_HEADER}\nERP,INC1,Café down,2026-11-03 14:22,,no,\n`)]);
    expect(good(parseReliabilityCsv(bom, SYSTEMS)).incidents[0]?.input.title).toBe("Café down");
  });
});

describe("the uploaded file", () => {
  const file = (content: string, name = "sla.csv", type = "text/csv") => new File([content], name, { type });
  const message = (value: unknown) => csvFileSchema.safeParse(value).error?.issues.map((i) => i.message);

  it("accepts a CSV by its name or type, up to 1 MB", () => {
    expect(message(file("a,b"))).toBeUndefined();
    expect(message(file("a,b", "export.CSV", "application/vnd.ms-excel"))).toBeUndefined();
    expect(message(file("a,b", "export", "text/csv"))).toBeUndefined();
  });

  it("refuses no file, an empty one, a large one and a spreadsheet", () => {
    expect(message("not a file")).toEqual(["Choose a CSV file to upload"]);
    expect(message(file(""))).toEqual(["The file is empty: export the month again and upload that file"]);
    expect(message(file("x".repeat(1_000_001)))).toEqual(["The file is larger than 1 MB: upload one month at a time"]);
    expect(message(file("PK", "sla.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).toEqual([
      "This is not a CSV file: export the report as CSV (.csv) and upload that",
    ]);
  });
});

describe("docs/csv-import.md", () => {
  it("lists every column the parser accepts, with its other names", () => {
    const docs = readFileSync(path.join(import.meta.dirname, "../../docs/csv-import.md"), "utf8");
    for (const spec of Object.values(COLUMNS)) {
      const row = docs.split("\n").find((line) => line.startsWith(`| \`${spec.name}\` |`));
      expect(row, spec.name).toBeDefined();
      expect(row!.split("|")[2]!.split(",").map((alias) => alias.trim())).toEqual([...spec.aliases]);
    }
  });
});
