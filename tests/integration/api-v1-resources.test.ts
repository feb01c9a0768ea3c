import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { api, tokenFor } from "../support/api/client";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";

// The other resources through /api/v1 (decision 033): a write goes through the app's own function
// (audit, re-diagnosis), a list pages with its cursor, a client's shape names only what they may see.

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

type Page = { data: { id: string }[]; nextCursor: string | null };

describe("/api/v1 resources", () => {
  it("creates a project as the Delivery form does: audited, with its status history, and the unit re-diagnosed", async () => {
    const { secret } = await tokenFor(world.actors.rmA!);
    const created = await api<{ id: string; stage: { from: string; to: string } }>("POST", `/accounts/${world.a.id}/projects`, {
      token: secret,
      body: { name: "New ledger", status: "IN_PROGRESS", highProfile: true, plannedEnd: "2026-02-01", budget: 100000, actualCost: 210000 },
    });
    expect(created.status).toBe(201);
    expect(await db().auditEvent.count({ where: { entityId: created.body.id, action: "project.created", actorId: world.users.rmA.id } })).toBe(1);
    expect(await db().projectStatusChange.count({ where: { projectId: created.body.id } })).toBe(1);
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.a.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain(created.body.id);
    expect(created.body.stage.to).toBe(snapshot.stage);

    const read = await api<{ budget: number; statusChanges: unknown[] }>("GET", `/projects/${created.body.id}`, { token: secret });
    expect(read.body).toMatchObject({ budget: 100000, statusChanges: [{ status: "IN_PROGRESS" }] });
    const bad = await api<{ error: { code: string; fieldErrors: Record<string, string[]> } }>("POST", `/accounts/${world.a.id}/projects`, { token: secret, body: { name: "x", status: "DELIVERED", plannedEnd: "2026-02-01" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fieldErrors)).toEqual(expect.arrayContaining(["name", "actualEnd"]));
  });

  it("a client reads their unit's interactions as their timeline shows them; IT reads them whole", async () => {
    const client = (await tokenFor(world.actors.clientA!)).secret;
    const list = await api<{ data: Record<string, unknown>[] }>("GET", `/accounts/${world.a.id}/interactions`, { token: client });
    expect(list.status).toBe(200);
    expect(list.body.data.map((row) => Object.keys(row).sort())).toEqual([["access", "accountId", "attendees", "cancelledBy", "id", "occurredAt", "outcome", "topic", "type"]]);
    expect(list.body.data[0]).toMatchObject({ access: "client", id: world.interaction.id, attendees: expect.arrayContaining([{ side: "BUSINESS", name: "Dana Quill" }]) });
    const one = await api<Record<string, unknown>>("GET", `/interactions/${world.interaction.id}`, { token: client });
    expect(one.body).toEqual(list.body.data[0]);
    const it = await api<Record<string, unknown>>("GET", `/interactions/${world.interaction.id}`, { token: (await tokenFor(world.actors.rmA!)).secret });
    expect(it.body).toMatchObject({ access: "full", notes: expect.any(String), quotes: [expect.objectContaining({ side: "BUSINESS" })] });
    expect((await api("GET", `/interactions/${world.interaction.id}`, { token: (await tokenFor(world.actors.clientB!)).secret })).status).toBe(404);
  });

  it("pages a list with its cursor, every row once, filtered by account", async () => {
    for (let day = 1; day <= 5; day++) await db().incident.create({ data: { accountId: world.a.id, title: `Outage ${day}`, occurredAt: new Date(`2026-03-0${day}T00:00:00Z`) } });
    await db().incident.create({ data: { accountId: world.b.id, title: "Elsewhere", occurredAt: new Date("2026-03-02T00:00:00Z") } });
    const { secret } = await tokenFor(world.actors.cio!);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await api<Page>("GET", `/incidents?accountId=${world.a.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: secret });
      seen.push(...page.body.data.map((row) => row.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const since = await api<Page>("GET", `/incidents?since=2026-03-04T00:00:00Z`, { token: secret });
    expect(since.body.data).toHaveLength(2);
  });

  it("a client's rating is stored once per Idempotency-Key and re-diagnoses the unit; the client's actions are 'you said, we did' only", async () => {
    const { secret } = await tokenFor(world.actors.clientA!);
    const key = crypto.randomUUID();
    const send = () => api<{ id: string }>("POST", `/accounts/${world.a.id}/ratings`, { token: secret, headers: { "idempotency-key": key }, body: { overall: 5, recommend: 9, comment: "Much better" } });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await db().rating.count({ where: { accountId: world.a.id, comment: "Much better" } })).toBe(1);
    expect(await db().healthSnapshot.count({ where: { accountId: world.a.id } })).toBeGreaterThan(0);

    const base = { accountId: world.a.id, ownerId: world.users.rmA.id, dueDate: new Date("2026-05-01") };
    await db().action.create({ data: { ...base, title: "Open, IT's" } });
    await db().action.create({ data: { ...base, title: "Done and shown", status: "DONE", outcome: "Weekly mail", visibleToClient: true, closedAt: new Date() } });
    const actions = await api<{ data: Record<string, unknown>[] }>("GET", "/actions", { token: secret });
    expect(actions.body.data).toHaveLength(1);
    expect(Object.keys(actions.body.data[0]!).sort()).toEqual(["access", "accountId", "closedAt", "id", "outcome", "title"]);
  });
});
