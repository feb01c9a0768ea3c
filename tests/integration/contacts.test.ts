import { beforeEach, describe, expect, it } from "vitest";
import { getAttendeeOptions } from "../../lib/data/accounts";
import { listContacts } from "../../lib/data/contacts";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { contactKind, contactLeftKind, contactReturnedKind } from "../../lib/data/kinds/contact";
import { createRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { contactInputSchema, contactLeftInputSchema } from "../../lib/validation/contact";
import { createContact, createInteraction } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const contact = (overrides: Record<string, unknown> = {}) =>
  contactInputSchema.parse({
    name: "Robin Treasurer",
    title: "Head of Treasury",
    email: "Robin@Finance.example",
    phone: "+44 20 7946 0000",
    role: "DECISION_MAKER",
    influence: "HIGH",
    interest: "LOW",
    ...overrides,
  });

type ActorName = keyof World["actors"];

async function outcome(promise: Promise<unknown>): Promise<"ok" | "404" | "403"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof NotFoundError) return "404";
    if (error instanceof ForbiddenError) return "403";
    throw error;
  }
}

describe("who sees and keeps an account's contacts", () => {
  // Contacts are IT's records of the unit: full access only, like every section of the account.
  const MATRIX: Record<ActorName, { mine: "ok" | "404"; theirs: "ok" | "404" }> = {
    admin: { mine: "ok", theirs: "ok" },
    cio: { mine: "ok", theirs: "ok" },
    rm: { mine: "ok", theirs: "404" },
    otherRm: { mine: "404", theirs: "ok" },
    client: { mine: "404", theirs: "404" },
    otherClient: { mine: "404", theirs: "404" },
  };

  for (const [name, expected] of Object.entries(MATRIX) as [ActorName, (typeof MATRIX)[ActorName]][]) {
    it(`${name}: lists and adds contacts of their own unit and another's`, async () => {
      const actor = world.actors[name];
      for (const which of ["mine", "theirs"] as const) {
        const id = world.accounts[which].id;
        expect(await outcome(listContacts(actor, id, now)), `list ${which}`).toBe(expected[which]);
        expect(await outcome(createRecord(contactKind, actor, id, contact({ name: `Added by ${name}` }), now)), `add ${which}`).toBe(expected[which]);
      }
    });
  }

  it("answers a contact of another unit, asked for by id, as not found, and changes nothing", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(updateRecord(contactKind, actor, world.contact.id, contact({ name: "Hijacked" }), now)).rejects.toThrow("That contact was not found.");
      await expect(updateRecord(contactLeftKind, actor, world.contact.id, { leftAt: now }, now)).rejects.toThrow("That contact was not found.");
      await expect(updateRecord(contactReturnedKind, actor, world.contact.id, {}, now)).rejects.toThrow("That contact was not found.");
    }
    await expect(updateRecord(contactKind, world.actors.cio, "czzzzzzzzzzzzzzzzzzzzzzzz", contact(), now)).rejects.toThrow(NotFoundError);
    expect(await db().contact.findUniqueOrThrow({ where: { id: world.contact.id } })).toMatchObject({ name: "Dana Finance", leftAt: null });
    expect(await db().auditEvent.count()).toBe(0);
  });
});

describe("keeping a contact", () => {
  it("stores their part in the relationship, influence and interest, audited and re-diagnosed", async () => {
    const { result, change } = await createRecord(contactKind, world.actors.rm, world.accounts.mine.id, contact(), now);
    expect(change).toMatchObject({ accountName: "Finance" });
    expect(await db().contact.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      accountId: world.accounts.mine.id,
      name: "Robin Treasurer",
      email: "robin@finance.example",
      phone: "+44 20 7946 0000",
      role: "DECISION_MAKER",
      influence: "HIGH",
      interest: "LOW",
      leftAt: null,
    });
    expect(await db().auditEvent.findMany({ where: { entityId: result.id } })).toMatchObject([{ action: "contact.created", actorId: world.users.rm.id }]);

    const edited = await updateRecord(contactKind, world.actors.rm, result.id, contact({ title: "", email: "", phone: "", interest: "HIGH" }), now);
    expect(edited.result.changed).toBe(4);
    expect(await db().contact.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ title: null, email: null, phone: null, interest: "HIGH" });
  });

  it("names what is wrong in the form", () => {
    const issues = contactInputSchema
      .safeParse({ name: "R", email: "robin@", phone: "call me", role: "BOSS", influence: "HUGE", interest: "" })
      .error?.issues.map((issue) => issue.path.join("."));
    expect(issues).toEqual(["name", "email", "phone", "role", "influence", "interest"]);
    expect(contactLeftInputSchema.safeParse({ leftAt: "2099-01-01" }).error?.issues[0]?.message).toMatch(/once it has happened/);
    expect(contactLeftInputSchema.safeParse({ leftAt: "" }).error?.issues[0]?.message).toBe("Enter the day they left");
  });

  it("marks a contact who left (and back): they leave the attendee picker, not the list", async () => {
    const { id } = world.contact;
    await updateRecord(contactLeftKind, world.actors.rm, id, contactLeftInputSchema.parse({ leftAt: "2026-05-20" }), now);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "contact.updated" } });
    expect(audit.details).toEqual({ before: { leftAt: null }, after: { leftAt: "2026-05-20T00:00:00.000Z" } });

    const stays = await createContact(db(), { accountId: world.accounts.mine.id, name: "Zoe Stays" });
    expect((await listContacts(world.actors.rm, world.accounts.mine.id, now)).map((c) => [c.name, c.leftAt])).toEqual([
      ["Zoe Stays", null],
      ["Dana Finance", new Date("2026-05-20T00:00:00Z")],
    ]);
    expect((await getAttendeeOptions(world.actors.rm, world.accounts.mine.id)).contacts.map((c) => c.id)).toEqual([stays.id]);

    await updateRecord(contactReturnedKind, world.actors.rm, id, {}, now);
    expect((await getAttendeeOptions(world.actors.rm, world.accounts.mine.id)).contacts.map((c) => c.name)).toEqual(["Dana Finance", "Zoe Stays"]);
  });
});

describe("when IT last met each contact", () => {
  it("is their latest held, not deleted interaction up to now", async () => {
    const accountId = world.accounts.mine.id;
    const loggedById = world.users.rm.id;
    const met = world.contact.id;
    const never = (await createContact(db(), { accountId, name: "Nico Never" })).id;
    const onlyCancelled = (await createContact(db(), { accountId, name: "Cass Cancelled" })).id;
    const meet = (days: number, contactIds: string[], extra: Record<string, unknown> = {}) =>
      createInteraction(db(), { accountId, loggedById, occurredAt: daysAgo(days), contactIds, ...extra });

    await meet(40, [met]);
    await meet(10, [met, onlyCancelled], { outcome: "NO_SHOW", cancelledBy: "CLIENT" });
    await meet(12, [onlyCancelled], { outcome: "CANCELLED", cancelledBy: "IT" });
    await meet(20, [met]);
    await meet(5, [met], { deletedAt: daysAgo(1), deleteReason: "Wrong unit" });
    await meet(-3, [met]); // logged ahead of time: not met yet
    // A meeting with someone else at another unit does not count.
    const elsewhere = await createContact(db(), { accountId: world.accounts.theirs.id });
    await createInteraction(db(), { accountId: world.accounts.theirs.id, loggedById, occurredAt: daysAgo(1), contactIds: [elsewhere.id] });

    const lastMet = Object.fromEntries((await listContacts(world.actors.cio, accountId, now)).map((c) => [c.id, c.lastMetAt]));
    expect(lastMet).toEqual({ [met]: daysAgo(20), [never]: null, [onlyCancelled]: null });
  });
});
