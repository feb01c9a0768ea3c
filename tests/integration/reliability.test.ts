import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { InputConflictError, NotFoundError } from "../../lib/data/errors";
import { incidentKind } from "../../lib/data/kinds/incident";
import { slaPeriodKind } from "../../lib/data/kinds/sla-period";
import type { Actor } from "../../lib/data/permissions";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { getIncident, getReliability, getSlaPeriod } from "../../lib/data/reliability";
import { importReliabilityCsv } from "../../lib/data/reliability-import";
import { db } from "../../lib/db/client";
import { incidentInputSchema } from "../../lib/validation/incident";
import { slaPeriodInputSchema } from "../../lib/validation/sla";
import { buildWorld, type World } from "./world";

// The Reliability section: SLA periods and incidents against the account's own core systems,
// every role's access, and the CSV import (all or nothing, and idempotent), actions included.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/current-actor", async () => {
  const { UnauthenticatedError } = await import("../../lib/data/errors");
  return {
    currentActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new UnauthenticatedError();
      return session.actor;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createSlaPeriodAction, importReliabilityAction } = await import("../../app/(app)/accounts/[id]/reliability/actions");

const now = new Date("2026-11-15T12:00:00Z");
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/csv", name));
const upload = (name: string, bytes: Uint8Array = fixture(name)) => ({ name, bytes: new Uint8Array(bytes) });

let world: World;
let systems: { erp: string; reporting: string; theirs: string };
beforeEach(async () => {
  world = await buildWorld();
  session.actor = null;
  const system = (accountId: string, name: string) => db().coreSystem.create({ data: { accountId, name } }).then((s) => s.id);
  systems = {
    erp: await system(world.accounts.mine.id, "ERP"),
    reporting: await system(world.accounts.mine.id, "Financial reporting"),
    theirs: await system(world.accounts.theirs.id, "CRM"),
  };
});

const sla = (overrides: Record<string, unknown> = {}) =>
  slaPeriodInputSchema.parse({ coreSystemId: systems.erp, periodStart: "2026-10-01", periodEnd: "2026-10-31", targetPercent: "99.9", attainedPercent: "98.5", ...overrides });
const incident = (overrides: Record<string, unknown> = {}) =>
  incidentInputSchema.parse({ coreSystemId: systems.erp, title: "Close batch failed", externalRef: "INC1", occurredAt: "2026-10-30T22:15", major: "on", heardFromItFirst: "no", ...overrides });

/** Everything an import could have written or changed. */
const stored = async () => ({
  sla: await db().slaPeriod.findMany({ orderBy: { id: "asc" } }),
  incidents: await db().incident.findMany({ orderBy: { id: "asc" } }),
  audit: await db().auditEvent.count(),
  snapshots: await db().healthSnapshot.count(),
});

describe("SLA periods and incidents", () => {
  it("are recorded against the account's own core systems, and re-diagnose it", async () => {
    const period = await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla(), now);
    const outage = await createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident(), now);
    expect(await db().slaPeriod.findUniqueOrThrow({ where: { id: period.result.id } })).toMatchObject({ coreSystemId: systems.erp, targetPercent: 99.9, attainedPercent: 98.5 });
    expect(await db().incident.findUniqueOrThrow({ where: { id: outage.result.id } })).toMatchObject({
      occurredAt: new Date("2026-10-30T22:15:00Z"),
      major: true,
      heardFromItFirst: false,
    });
    expect(await db().auditEvent.findMany({ select: { action: true } })).toEqual(expect.arrayContaining([{ action: "slaPeriod.created" }, { action: "incident.created" }]));
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain(period.result.id);
  });

  it("refuses a core system of another account, writing nothing", async () => {
    const write = createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ coreSystemId: systems.theirs }), now);
    await expect(write).rejects.toThrow(InputConflictError);
    await expect(write).rejects.toMatchObject({ fieldErrors: { coreSystemId: ["Choose one of this unit's core systems"] } });
    await expect(createRecord(incidentKind, world.actors.cio, world.accounts.mine.id, incident({ coreSystemId: systems.theirs }), now)).rejects.toThrow(
      "That system is not one of this unit's core systems.",
    );
    // Nor may a correction move a record onto another account's system.
    const { result } = await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla(), now);
    await expect(updateRecord(slaPeriodKind, world.actors.rm, result.id, sla({ coreSystemId: systems.theirs }), now)).rejects.toThrow(InputConflictError);
    expect(await db().slaPeriod.count()).toBe(1);
    expect(await db().incident.count()).toBe(0);
  });

  it("refuses a second record of one system's period or of one ticket, but lets a record be corrected", async () => {
    const { result } = await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla(), now);
    await expect(createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ attainedPercent: "99" }), now)).rejects.toMatchObject({
      fieldErrors: { periodStart: ["Already recorded for this system"] },
    });
    expect((await updateRecord(slaPeriodKind, world.actors.rm, result.id, sla({ attainedPercent: "99" }), now)).result.changed).toBe(1);
    // The unit's service as a whole is its own "system"; another system's same period is fine.
    await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ coreSystemId: "" }), now);
    await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ coreSystemId: systems.reporting }), now);

    await createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident(), now);
    await expect(createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident({ title: "Again" }), now)).rejects.toMatchObject({
      fieldErrors: { externalRef: ["Already recorded"] },
    });
    // Another account may use the same ticket number; incidents without one never collide.
    await createRecord(incidentKind, world.actors.admin, world.accounts.theirs.id, incident({ coreSystemId: systems.theirs }), now);
    await createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident({ externalRef: "" }), now);
    await createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident({ externalRef: "" }), now);
    expect(await db().incident.count()).toBe(4);
  });

  it("are read by IT people with full access only; another account's record by id is not found", async () => {
    const period = await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla(), now);
    const outage = await createRecord(incidentKind, world.actors.rm, world.accounts.mine.id, incident(), now);
    const theirs = await createRecord(incidentKind, world.actors.admin, world.accounts.theirs.id, incident({ coreSystemId: systems.theirs }), now);
    for (const actor of [world.actors.rm, world.actors.cio, world.actors.admin]) {
      const { slaGroups, incidents } = await getReliability(actor, world.accounts.mine.id);
      expect(slaGroups.map((g) => [g.system?.name, g.periods.length])).toEqual([
        ["ERP", 1],
        ["Financial reporting", 0],
      ]);
      expect(incidents.map((i) => [i.title, i.coreSystem?.name])).toEqual([["Close batch failed", "ERP"]]);
      expect((await getSlaPeriod(actor, period.result.id)).attainedPercent).toBe(98.5);
      expect((await getIncident(actor, outage.result.id)).externalRef).toBe("INC1");
    }
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getReliability(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
      await expect(getSlaPeriod(actor, period.result.id)).rejects.toThrow("That SLA period was not found.");
      await expect(getIncident(actor, outage.result.id)).rejects.toThrow("That incident was not found.");
    }
    await expect(getIncident(world.actors.rm, theirs.result.id)).rejects.toThrow("That incident was not found.");
    await expect(getSlaPeriod(world.actors.rm, "../etc")).rejects.toThrow(NotFoundError);
  });

  it("keep the periods of a deleted system under its name, and leave the screens when deleted", async () => {
    const period = await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ coreSystemId: systems.reporting }), now);
    await createRecord(slaPeriodKind, world.actors.rm, world.accounts.mine.id, sla({ coreSystemId: "" }), now);
    await db().coreSystem.update({ where: { id: systems.reporting }, data: { deletedAt: now, deleteReason: "Retired" } });
    const { slaGroups } = await getReliability(world.actors.rm, world.accounts.mine.id);
    expect(slaGroups.map((g) => [g.system?.name ?? "whole", g.removed, g.periods.length])).toEqual([
      ["ERP", false, 0],
      ["Financial reporting", true, 1],
      ["whole", false, 1],
    ]);
    await deleteRecord(slaPeriodKind, world.actors.rm, period.result.id, "Retired system", now);
    await expect(getSlaPeriod(world.actors.rm, period.result.id)).rejects.toThrow(NotFoundError);
  });
});

describe("importing a month from an ITSM tool's CSV export", () => {
  it("stores every row of a good file with one audit event and one re-diagnosis", async () => {
    const outcome = await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month.csv"), now);
    expect(outcome).toMatchObject({
      ok: true,
      sla: { created: 2, updated: 0, unchanged: 0 },
      incidents: { created: 3, updated: 0, unchanged: 0 },
      change: { accountId: world.accounts.mine.id, accountName: "Finance", from: "INSUFFICIENT_DATA" },
    });
    const after = await stored();
    expect(after.sla.map((p) => [p.coreSystemId, p.attainedPercent])).toEqual(expect.arrayContaining([[systems.erp, 99.95], [systems.reporting, 97.2]]));
    expect(after.incidents.map((i) => i.externalRef).sort()).toEqual(["INC0012345", "INC0012388", "INC0012399"]);
    expect(after.incidents.every((i) => i.accountId === world.accounts.mine.id && i.createdAt.getTime() === now.getTime())).toBe(true);

    const audit = await db().auditEvent.findMany();
    expect(audit).toMatchObject([{ action: "reliability.imported", entityType: "Account", entityId: world.accounts.mine.id, actorId: world.users.rm.id }]);
    expect(audit[0]?.details).toMatchObject({ fileName: "sla-month.csv", sla: { created: 2 }, incidents: { created: 3 } });
    expect(after.snapshots).toBe(1);
    const account = await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } });
    expect(account.healthComputedAt).toEqual(now);
  });

  it("stores nothing from a bad file and names each bad row", async () => {
    const before = await stored();
    const outcome = await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month-bad.csv"), now);
    expect(outcome).toMatchObject({ ok: false, rowCount: 7 });
    expect("badRows" in outcome && outcome.badRows.map((row) => row.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await stored()).toEqual(before);
  });

  it("changes nothing when the same file is uploaded again, and corrects what a new export changed", async () => {
    await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month.csv"), now);
    const first = await stored();
    const again = await importReliabilityCsv(world.actors.cio, world.accounts.mine.id, upload("sla-month.csv"), new Date(now.getTime() + 60_000));
    expect(again).toMatchObject({ ok: true, sla: { created: 0, updated: 0, unchanged: 2 }, incidents: { created: 0, updated: 0, unchanged: 3 } });
    const second = await stored();
    expect({ ...second, snapshots: 0 }).toEqual({ ...first, snapshots: 0 });

    const corrected = fixture("sla-month.csv").toString("utf8").replace("99.5,97.2%", "99.5,98.1").replace("2026-10-31 03:40,yes,no", "2026-10-31 03:40,yes,yes");
    const third = await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month-v2.csv", Buffer.from(corrected)), now);
    expect(third).toMatchObject({ ok: true, sla: { created: 0, updated: 1, unchanged: 1 }, incidents: { created: 0, updated: 1, unchanged: 2 } });
    expect(await db().slaPeriod.count()).toBe(2);
    expect((await db().slaPeriod.findFirstOrThrow({ where: { coreSystemId: systems.reporting } })).attainedPercent).toBe(98.1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "reliability.imported", details: { path: ["fileName"], equals: "sla-month-v2.csv" } } });
    expect(audit.details).toMatchObject({
      updated: {
        sla: [{ before: { attainedPercent: 97.2 }, after: { attainedPercent: 98.1 } }],
        incidents: [{ before: { heardFromItFirst: false }, after: { heardFromItFirst: true } }],
      },
    });
  });

  it("adds a row whose earlier record was deleted, rather than reviving it", async () => {
    await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month.csv"), now);
    const erp = await db().slaPeriod.findFirstOrThrow({ where: { coreSystemId: systems.erp } });
    await deleteRecord(slaPeriodKind, world.actors.rm, erp.id, "Wrong month", now);
    const outcome = await importReliabilityCsv(world.actors.rm, world.accounts.mine.id, upload("sla-month.csv"), now);
    expect(outcome).toMatchObject({ ok: true, sla: { created: 1, unchanged: 1 } });
  });

  it("refuses another manager and clients as if the account did not exist, storing nothing", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(importReliabilityCsv(actor, world.accounts.mine.id, upload("sla-month.csv"), now)).rejects.toThrow("That account was not found.");
    }
    // A file naming this account's systems, uploaded to another account, names no system of that one.
    const wrong = await importReliabilityCsv(world.actors.admin, world.accounts.theirs.id, upload("sla-month.csv"), now);
    expect("badRows" in wrong && wrong.badRows[0]?.problems).toEqual(["system: “ERP” is not a core system of this unit (one of: CRM)"]);
    expect(await db().slaPeriod.count()).toBe(0);
  });
});

describe("the upload action", () => {
  const uploadForm = (accountId: string, file?: File) => {
    const data = new FormData();
    data.append("accountId", accountId);
    data.append("file", file ?? new File([], "", { type: "application/octet-stream" }));
    return data;
  };
  const csv = (name: string, content: BlobPart = new Uint8Array(fixture(name))) => new File([content], name, { type: "text/csv" });

  it("imports the file sent in the form and says what it did", async () => {
    session.actor = world.actors.rm;
    const result = await importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, csv("sla-month.csv")));
    expect(result).toEqual({ status: "imported", notice: expect.stringMatching(/^Imported sla-month\.csv: 2 SLA periods added; 3 incidents added\. Finance (moved|stays)/) });
    const again = await importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, csv("sla-month.csv")));
    expect(again).toEqual({ status: "imported", notice: expect.stringMatching(/^Nothing changed: all 5 rows of sla-month\.csv were already recorded\./) });
  });

  it("returns every bad row, and clear messages for files it cannot read", async () => {
    session.actor = world.actors.rm;
    const bad = await importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, csv("sla-month-bad.csv")));
    expect(bad).toMatchObject({ status: "bad-rows", fileName: "sla-month-bad.csv", rowCount: 7 });
    const refused = async (file?: File) => importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, file));
    expect(await refused()).toEqual({ status: "refused", message: "Choose a CSV file to upload" });
    expect(await refused(csv("empty.csv", ""))).toEqual({ status: "refused", message: "The file is empty: export the month again and upload that file" });
    expect(await refused(csv("huge.csv", "x".repeat(1_000_001)))).toEqual({ status: "refused", message: "The file is larger than 1 MB: upload one month at a time" });
    expect(await refused(new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "sla.xlsx", { type: "application/zip" }))).toMatchObject({ message: expect.stringMatching(/^This is not a CSV file/) });
    expect(await refused(csv("columns.csv", "system,target\nERP,99\n"))).toMatchObject({ message: expect.stringMatching(/^The file is missing columns\./) });
    expect(await db().slaPeriod.count()).toBe(0);
  });

  it("refuses the anonymous, other managers and unknown accounts", async () => {
    expect(await importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, csv("sla-month.csv")))).toEqual({ status: "refused", message: "Please sign in." });
    session.actor = world.actors.otherRm;
    expect(await importReliabilityAction(undefined, uploadForm(world.accounts.mine.id, csv("sla-month.csv")))).toEqual({ status: "refused", message: "That account was not found." });
    expect(await importReliabilityAction(undefined, uploadForm("nonsense", csv("sla-month.csv")))).toEqual({ status: "refused", message: "That account was not found." });
    expect(await db().incident.count()).toBe(0);
  });

  it("the SLA form action names another account's system as the field to correct", async () => {
    session.actor = world.actors.rm;
    const data = new FormData();
    for (const [key, value] of Object.entries({ accountId: world.accounts.mine.id, coreSystemId: systems.theirs, periodStart: "2026-10-01", periodEnd: "2026-10-31", targetPercent: "99.9", attainedPercent: "99" })) {
      data.append(key, value);
    }
    const result = await createSlaPeriodAction(undefined, data);
    expect(result.error).toMatchObject({ "": ["That system is not one of this unit's core systems."], coreSystemId: ["Choose one of this unit's core systems"] });
    expect(await db().slaPeriod.count()).toBe(0);
  });
});
