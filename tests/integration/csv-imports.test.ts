import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCsvImport, listCsvImports, previewCsvImport, stageCsvImport, startCsvImport } from "../../lib/data/csv-imports";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import type { Actor } from "../../lib/data/permissions";
import { db } from "../../lib/db/client";
import type { CsvImportKind } from "../../lib/import/records/fields";
import { jobs } from "../../lib/jobs/catalogue";
import { buildWorld, type World } from "./world";

// CSV imports of units, contacts and interactions: staged and checked with nothing written, bad
// rows named by line, imported by the real job all or nothing, and a second import of the same
// file changing nothing. The queue is replaced by a list: the test runs the job itself.

const queued = vi.hoisted(() => [] as { name: string; payload: { importId: string } }[]);
vi.mock("../../lib/jobs", () => ({ enqueueJob: async (name: string, payload: { importId: string }) => void queued.push({ name, payload }) }));

const now = new Date();
const bytes = (text: string) => new TextEncoder().encode(text);

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  queued.length = 0;
});

async function stage(actor: Actor, kind: CsvImportKind, text: string, fileName = "file.csv") {
  const staged = await stageCsvImport(actor, { kind, fileName, bytes: bytes(text) });
  if (!staged.ok) throw new Error(staged.fileError);
  return getCsvImport(actor, staged.id);
}

/** Starts it and runs the job the start queued, as a job runner would. */
async function importNow(actor: Actor, id: string) {
  expect(await startCsvImport(actor, id)).toEqual({ ok: true });
  const job = queued.find((j) => j.payload.importId === id);
  expect(job?.name).toBe("import-csv");
  await jobs["import-csv"].run({ importId: id }, { now });
  return getCsvImport(actor, id);
}

const written = async () => ({ contacts: await db().contact.count(), interactions: await db().interaction.count(), accounts: await db().account.count(), audits: await db().auditEvent.count() });

describe("a contacts import", () => {
  const good = "Unit,Full name,E-mail,Job title,Relationship role\nFinance,Ada Lovelace,ada@finance.example,Controller,Decision maker\nfinance,Grace Hopper,,Analyst,key user\n";

  it("guesses the mapping from the headers, names every bad row, and writes nothing until every row is good", async () => {
    const before = await written();
    const staged = await stage(world.actors.rm, "CONTACTS", "Unit,Full name,E-mail,Phone\nFinance,Ada Lovelace,ada@finance.example,\nMarketing,Grace Hopper,not-an-email,12\nSales,Bob,bob@sales.example,\n");
    expect(staged).toMatchObject({ status: "STAGED", rowCount: 3, headers: ["Unit", "Full name", "E-mail", "Phone"], sample: [["Finance", "Ada Lovelace", "ada@finance.example", ""], expect.any(Array), expect.any(Array)] });
    expect(staged.mapping).toMatchObject({ account: 0, name: 1, email: 2, phone: 3, title: null });

    const preview = await previewCsvImport(world.actors.rm, staged.id, staged.mapping);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.badRows.map((row) => row.line)).toEqual([3, 4]);
    expect(preview.badRows[0]!.problems).toEqual(expect.arrayContaining(["Unit: “Marketing” is not a business unit in Rapport", expect.stringMatching(/^E-mail: /), expect.stringMatching(/^Phone: /)]));
    expect(preview.badRows[1]!.problems).toEqual(["Unit: you do not manage “Sales”"]);
    expect(await startCsvImport(world.actors.rm, staged.id)).toMatchObject({ ok: false, badRows: [{ line: 3 }, { line: 4 }] });
    expect(queued).toEqual([]);
    expect(await written()).toEqual(before);
    expect((await getCsvImport(world.actors.rm, staged.id)).status).toBe("STAGED");
  });

  it("imports in the background with progress and an audit event, and the same file again changes nothing", async () => {
    const staged = await stage(world.actors.rm, "CONTACTS", good, "directory.csv");
    expect(await previewCsvImport(world.actors.rm, staged.id, staged.mapping)).toEqual({ ok: true, rowCount: 2, counts: { created: 2, updated: 0, unchanged: 0 } });
    const done = await importNow(world.actors.rm, staged.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", done: 2, total: 2, result: { created: 2, updated: 0, unchanged: 0, units: [{ id: world.accounts.mine.id, name: "Finance" }] }, error: null });
    const contacts = await db().contact.findMany({ where: { accountId: world.accounts.mine.id, name: { in: ["Ada Lovelace", "Grace Hopper"] } }, orderBy: { name: "asc" } });
    expect(contacts).toMatchObject([
      { name: "Ada Lovelace", email: "ada@finance.example", title: "Controller", role: "DECISION_MAKER", influence: "MEDIUM" },
      { name: "Grace Hopper", email: null, title: "Analyst", role: "KEY_USER" },
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "csv.imported" } });
    expect(audit).toMatchObject({ actorId: world.actors.rm.id, accountId: world.accounts.mine.id, details: { fileName: "directory.csv", kind: "CONTACTS", created: expect.arrayContaining(contacts.map((c) => c.id)) } });

    const before = await written();
    const again = await stage(world.actors.rm, "CONTACTS", good, "directory.csv");
    expect(await previewCsvImport(world.actors.rm, again.id, again.mapping)).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 2 } });
    expect(await importNow(world.actors.rm, again.id)).toMatchObject({ status: "SUCCEEDED", result: { created: 0, updated: 0, unchanged: 2, units: [] } });
    expect(await written()).toEqual(before);
  });

  it("updates a known contact with the mapped columns only", async () => {
    await db().contact.create({ data: { accountId: world.accounts.mine.id, name: "Ada L.", email: "ADA@finance.example", phone: "+44 20 7946 0000", role: "SPONSOR" } });
    const staged = await stage(world.actors.admin, "CONTACTS", "unit,name,email,title\nFinance,Ada Lovelace,ada@finance.example,CFO\n");
    expect(await previewCsvImport(world.actors.admin, staged.id, { ...staged.mapping })).toMatchObject({ ok: true, counts: { created: 0, updated: 1, unchanged: 0 } });
    await importNow(world.actors.admin, staged.id);
    // The role column was not in the file: the import leaves it alone (as it does the phone).
    expect(await db().contact.findFirstOrThrow({ where: { email: "ada@finance.example" } })).toMatchObject({ name: "Ada Lovelace", title: "CFO", phone: "+44 20 7946 0000", role: "SPONSOR" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "csv.imported" } });
    expect(audit.details).toMatchObject({ updated: [{ before: { name: "Ada L.", title: null, email: "ADA@finance.example" }, after: { name: "Ada Lovelace", title: "CFO", email: "ada@finance.example" } }] });
  });

  it("refuses a mapping without a required field or with one column twice, and a started import's mapping", async () => {
    const staged = await stage(world.actors.rm, "CONTACTS", good);
    expect(await previewCsvImport(world.actors.rm, staged.id, { ...staged.mapping, name: null })).toMatchObject({ ok: false, mappingErrors: ["Choose the column for Name: it is required."] });
    expect(await previewCsvImport(world.actors.rm, staged.id, { ...staged.mapping, title: 1 })).toMatchObject({ ok: false, mappingErrors: ["The column “Full name” is chosen for both Name and Job title: choose one."] });
    await expect(previewCsvImport(world.actors.rm, staged.id, { ...staged.mapping, nonsense: 1 })).rejects.toBeInstanceOf(InputConflictError);
    await previewCsvImport(world.actors.rm, staged.id, { ...staged.mapping, title: null });
    expect((await getCsvImport(world.actors.rm, staged.id)).mapping.title).toBeNull();
    await startCsvImport(world.actors.rm, staged.id);
    await expect(previewCsvImport(world.actors.rm, staged.id, staged.mapping)).rejects.toBeInstanceOf(InputConflictError);
    await expect(startCsvImport(world.actors.rm, staged.id)).rejects.toBeInstanceOf(InputConflictError);
  });

  it("says why a file cannot be read, and stores nothing", async () => {
    const problem = async (text: string | Uint8Array) => {
      const result = await stageCsvImport(world.actors.rm, { kind: "CONTACTS", fileName: "x.csv", bytes: typeof text === "string" ? bytes(text) : text });
      return result.ok ? "stored" : result.fileError;
    };
    expect(await problem("")).toMatch(/empty/);
    expect(await problem("name,email\n")).toMatch(/header but no rows/);
    expect(await problem('name,email\n"Ada,ada@x.example\n')).toMatch(/^This file is not valid CSV: .*never closed/);
    expect(await problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatch(/binary data/);
    expect(await problem(`name\n${"x\n".repeat(5001)}`)).toMatch(/5,001 rows; at most 5,000/);
    expect(await db().csvImport.count()).toBe(0);
  });
});

describe("who may import and see an import", () => {
  it("IT imports, a client never; units only the CIO and administrators; an import is its uploader's, the CIO's and administrators'", async () => {
    await expect(stageCsvImport(world.actors.client, { kind: "CONTACTS", fileName: "x.csv", bytes: bytes("unit,name\nFinance,Ada\n") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(stageCsvImport(world.actors.rm, { kind: "ACCOUNTS", fileName: "x.csv", bytes: bytes("name\nLegal\n") })).rejects.toBeInstanceOf(ForbiddenError);
    const staged = await stage(world.actors.rm, "CONTACTS", "unit,name\nFinance,Ada Lovelace\n");
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getCsvImport(actor, staged.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(previewCsvImport(actor, staged.id, staged.mapping)).rejects.toBeInstanceOf(NotFoundError);
      await expect(startCsvImport(actor, staged.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getCsvImport(world.actors.rm, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [world.actors.cio, world.actors.admin]) expect((await getCsvImport(actor, staged.id)).createdByName).toBe(world.users.rm.name);
    expect((await listCsvImports(world.actors.rm)).map((i) => i.id)).toEqual([staged.id]);
    expect(await listCsvImports(world.actors.otherRm)).toEqual([]);
    expect(await listCsvImports(world.actors.client)).toEqual([]);
    expect((await listCsvImports(world.actors.cio)).map((i) => i.id)).toEqual([staged.id]);
  });

  it("checks the uploader's access again when the job runs: a manager moved off the unit imports nothing", async () => {
    const staged = await stage(world.actors.rm, "CONTACTS", "unit,name\nFinance,Ada Lovelace\n");
    expect(await startCsvImport(world.actors.rm, staged.id)).toEqual({ ok: true });
    await db().account.update({ where: { id: world.accounts.mine.id }, data: { relationshipManagerId: world.users.otherRm.id } });
    await jobs["import-csv"].run({ importId: staged.id }, { now });
    const failed = await getCsvImport(world.actors.rm, staged.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^Nothing was imported: .*you do not manage “Finance”/);
    expect(await db().contact.count({ where: { name: "Ada Lovelace" } })).toBe(0);
    // The file stays: once the unit is theirs again, the same import starts again.
    await db().account.update({ where: { id: world.accounts.mine.id }, data: { relationshipManagerId: world.users.rm.id } });
    expect(await importNow(world.actors.rm, staged.id)).toMatchObject({ status: "SUCCEEDED", result: { created: 1 } });
  });
});

describe("an interactions import", () => {
  const file =
    "Unit,Date,Type,Subject,Notes,Sentiment,Outcome,Client quote\n" +
    "Finance,2026-11-03 09:30,Meeting,Quarterly review,They asked for the roadmap,negative,held,IT just doesn't get it\n" +
    'Finance,2026-11-10,call,Budget call,"Short, friendly",positive,cancelled by the client,\n';

  it("logs each row with its quotes' phrases, re-diagnoses the unit once, and adds nothing the second time", async () => {
    const staged = await stage(world.actors.rm, "INTERACTIONS", file);
    expect(staged.mapping).toMatchObject({ account: 0, occurred_at: 1, type: 2, summary: 3, notes: 4, sentiment: 5, what_happened: 6, business_quote: 7, it_quote: null });
    expect(await importNow(world.actors.rm, staged.id)).toMatchObject({ status: "SUCCEEDED", result: { created: 2, updated: 0, unchanged: 0 } });
    const logged = await db().interaction.findMany({ where: { accountId: world.accounts.mine.id }, orderBy: { occurredAt: "asc" }, include: { quotes: true } });
    expect(logged).toMatchObject([
      { type: "MEETING", occurredAt: new Date("2026-11-03T09:30:00Z"), summary: "Quarterly review", sentiment: "NEGATIVE", outcome: "HELD", loggedById: world.actors.rm.id, importKey: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { type: "CALL", occurredAt: new Date("2026-11-10T12:00:00Z"), notes: "Short, friendly", outcome: "CANCELLED", cancelledBy: "CLIENT", quotes: [] },
    ]);
    expect(logged[0]!.quotes).toMatchObject([{ side: "BUSINESS", text: "IT just doesn't get it" }]);
    expect(logged[0]!.quotes[0]!.phraseHits).not.toEqual([]);
    const snapshot = await db().healthSnapshot.findFirst({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(snapshot?.computedAt).toEqual(now);

    const again = await stage(world.actors.rm, "INTERACTIONS", file);
    expect(await previewCsvImport(world.actors.rm, again.id, again.mapping)).toMatchObject({ ok: true, counts: { created: 0, unchanged: 2 } });
    expect(await importNow(world.actors.rm, again.id)).toMatchObject({ result: { created: 0, unchanged: 2 } });
    expect(await db().interaction.count()).toBe(2);
  });

  it("names a future time, an unknown type and a too-short summary by line", async () => {
    const staged = await stage(world.actors.rm, "INTERACTIONS", "unit,when,type,summary\nFinance,2099-01-01 10:00,meeting,Planning\nFinance,2026-11-01,lunch,Ok\n");
    const preview = await previewCsvImport(world.actors.rm, staged.id, staged.mapping);
    expect(preview).toMatchObject({
      ok: false,
      badRows: [
        { line: 2, problems: [expect.stringMatching(/^when: .*future/)] },
        { line: 3, problems: expect.arrayContaining([expect.stringMatching(/^type: /), "summary: Summary must be at least 3 characters"]) },
      ],
    });
  });
});

describe("a units import", () => {
  it("creates units with their manager and ownership, updates a known one by name, all or nothing", async () => {
    const staged = await stage(world.actors.cio, "ACCOUNTS", `name,criticality,cadence,manager\nLegal,high,30,${world.users.rm.email}\nFINANCE,critical,,\nProcurement,,,\n`);
    expect(await previewCsvImport(world.actors.cio, staged.id, staged.mapping)).toMatchObject({ ok: true, counts: { created: 2, updated: 1, unchanged: 0 } });
    // Between the check and the job, Legal's manager is deactivated: the job imports none of the rows.
    expect(await startCsvImport(world.actors.cio, staged.id)).toEqual({ ok: true });
    await db().user.update({ where: { id: world.users.rm.id }, data: { deactivatedAt: now } });
    await jobs["import-csv"].run({ importId: staged.id }, { now });
    const failed = await getCsvImport(world.actors.cio, staged.id);
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^Nothing was imported: .*line 2: manager: .* is not an active relationship manager/) });
    expect(await db().account.count({ where: { name: { in: ["Legal", "Procurement"] } } })).toBe(0);
    expect((await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } })).criticality).not.toBe("CRITICAL");

    await db().user.update({ where: { id: world.users.rm.id }, data: { deactivatedAt: null } });
    expect(await importNow(world.actors.cio, staged.id)).toMatchObject({ status: "SUCCEEDED", result: { created: 2, updated: 1, unchanged: 0 } });
    const legal = await db().account.findUniqueOrThrow({ where: { name: "Legal" }, include: { ownerships: true } });
    expect(legal).toMatchObject({ criticality: "HIGH", meetingCadenceDays: 30, relationshipManagerId: world.users.rm.id, ownerships: [{ managerId: world.users.rm.id, endedAt: null }] });
    // FINANCE is Finance: its criticality changes; the blank manager column leaves it unassigned as the file says.
    expect(await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } })).toMatchObject({ name: "Finance", criticality: "CRITICAL", relationshipManagerId: null });

    const bad = await stage(world.actors.cio, "ACCOUNTS", "name,manager\nL,nobody@example.com\n");
    expect(await previewCsvImport(world.actors.cio, bad.id, bad.mapping)).toMatchObject({
      ok: false,
      badRows: [{ line: 2, problems: ["name: The unit's name must be at least 2 characters", "manager: “nobody@example.com” is not an active relationship manager in Rapport"] }],
    });
  });
});

describe("an ITSM export of service levels and incidents across units", () => {
  it("matches each row's unit and core system, and updates a period or ticket already recorded", async () => {
    const erp = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "ERP" } });
    await db().coreSystem.create({ data: { accountId: world.accounts.theirs.id, name: "CRM" } });
    const sla = await stage(world.actors.cio, "SERVICE_LEVELS", "Unit,Service,Start,End,Target,Actual\nFinance,erp,2026-11-01,2026-11-30,99.5,98.2\nSales,CRM,2026-11-01,2026-11-30,99.9%,99.95\n");
    expect(sla.mapping).toMatchObject({ account: 0, system: 1, period_start: 2, period_end: 3, target_percent: 4, attained_percent: 5 });
    expect(await importNow(world.actors.cio, sla.id)).toMatchObject({ status: "SUCCEEDED", result: { created: 2, updated: 0, unchanged: 0 } });
    expect(await db().slaPeriod.findFirstOrThrow({ where: { coreSystemId: erp.id } })).toMatchObject({ targetPercent: 99.5, attainedPercent: 98.2, periodStart: new Date("2026-11-01T00:00:00Z") });
    const corrected = await stage(world.actors.cio, "SERVICE_LEVELS", "Unit,Service,Start,End,Target,Actual\nFinance,erp,2026-11-01,2026-11-30,99.5,99.1\nSales,CRM,2026-11-01,2026-11-30,99.9%,99.95\n");
    expect(await importNow(world.actors.cio, corrected.id)).toMatchObject({ result: { created: 0, updated: 1, unchanged: 1 } });
    expect(await db().slaPeriod.count()).toBe(2);
    expect((await db().slaPeriod.findFirstOrThrow({ where: { coreSystemId: erp.id } })).attainedPercent).toBe(99.1);

    const file = "unit,ticket,system,opened_at,major,heard_from_it_first\nFinance,INC001,ERP,2026-11-03 08:15,yes,no\nFinance,INC002,Payroll,2026-11-04 08:15,maybe,\n";
    const bad = await stage(world.actors.rm, "INCIDENTS", file);
    expect(await previewCsvImport(world.actors.rm, bad.id, bad.mapping)).toMatchObject({
      ok: false,
      badRows: [{ line: 3, problems: ["system: “Payroll” is not a core system of Finance (add it in the unit's settings)", "major: must be yes or no"] }],
    });
    const good = await stage(world.actors.rm, "INCIDENTS", file.replace("Payroll,2026-11-04 08:15,maybe", "ERP,2026-11-04 08:15,no"));
    expect(await importNow(world.actors.rm, good.id)).toMatchObject({ result: { created: 2 } });
    expect(await db().incident.findFirstOrThrow({ where: { externalRef: "INC001" } })).toMatchObject({ title: "Incident INC001", major: true, heardFromItFirst: false, occurredAt: new Date("2026-11-03T08:15:00Z") });
    const again = await stage(world.actors.rm, "INCIDENTS", file.replace("Payroll,2026-11-04 08:15,maybe", "ERP,2026-11-04 08:15,no"));
    expect(await previewCsvImport(world.actors.rm, again.id, again.mapping)).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 2 } });
  });
});
