import { beforeEach, describe, expect, it } from "vitest";
import { getAccountSummary, getAttendeeOptions } from "../../lib/data/accounts";
import { getAccountDiagnosis, getLatestDiagnosis, getScoreHistory } from "../../lib/data/diagnoses";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { logInteraction } from "../../lib/data/interactions";
import { getPortfolioScoreTrend, listPortfolio } from "../../lib/data/portfolio";
import { listAccountRatings, submitRating } from "../../lib/data/ratings";
import { getTimeline } from "../../lib/data/timeline";
import { listUsers } from "../../lib/data/users";
import { db } from "../../lib/db/client";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

type ActorName = keyof World["actors"];
type Outcome = "ok" | "404" | "403";

// Reads of one account: who may open it.
const READ_MATRIX: Record<ActorName, { mine: Outcome; theirs: Outcome }> = {
  admin: { mine: "ok", theirs: "ok" },
  cio: { mine: "ok", theirs: "ok" },
  rm: { mine: "ok", theirs: "404" },
  otherRm: { mine: "404", theirs: "ok" },
  client: { mine: "ok", theirs: "404" },
  otherClient: { mine: "404", theirs: "ok" },
};

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof NotFoundError) return "404";
    if (error instanceof ForbiddenError) return "403";
    throw error;
  }
}

describe("reading an account", () => {
  for (const [name, expected] of Object.entries(READ_MATRIX) as [ActorName, { mine: Outcome; theirs: Outcome }][]) {
    it(`${name}: summary, ratings and timeline of each account`, async () => {
      const actor = world.actors[name];
      for (const which of ["mine", "theirs"] as const) {
        const id = world.accounts[which].id;
        for (const read of [getAccountSummary, listAccountRatings, getTimeline]) {
          expect(await outcome(read(actor, id)), `${read.name} ${which}`).toBe(expected[which]);
        }
      }
    });
  }

  it("answers an unknown or malformed id exactly like a forbidden one", async () => {
    for (const id of ["czzzzzzzzzzzzzzzzzzzzzzzz", "'; drop table accounts; --", ""]) {
      expect(await outcome(getAccountSummary(world.actors.cio, id))).toBe("404");
    }
  });

  it("keeps IT's diagnosis, score history and attendee lists from clients", async () => {
    const id = world.accounts.mine.id;
    for (const read of [getLatestDiagnosis, getAccountDiagnosis, getAttendeeOptions]) {
      expect(await outcome(read(world.actors.client, id))).toBe("404");
      expect(await outcome(read(world.actors.rm, id))).toBe("ok");
    }
    expect(await outcome(getScoreHistory(world.actors.client, id))).toBe("404");
  });

  it("gives a client a view without IT's notes, sentiment or quotes", async () => {
    await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id, { notes: "Internal: they are shopping for consultants" }));
    const asClient = await getTimeline(world.actors.client, world.accounts.mine.id);
    const asRm = await getTimeline(world.actors.rm, world.accounts.mine.id);
    expect(asClient.access).toBe("client");
    expect(asClient.interactions[0]).not.toHaveProperty("notes");
    expect(asClient.interactions[0]).not.toHaveProperty("quotes");
    expect(asClient.interactions[0]).not.toHaveProperty("sentiment");
    expect(asClient.interactions[0]).not.toHaveProperty("summary");
    expect(asClient.interactions[0]?.followUps).toHaveLength(1);
    expect(asRm.interactions[0]?.notes).toContain("consultants");
    expect(asRm.interactions[0]?.quotes).toHaveLength(1);

    const summary = await getAccountSummary(world.actors.client, world.accounts.mine.id);
    expect(summary.health).toBeNull();
    expect(summary.account).not.toHaveProperty("healthStage");
    expect(summary.account).not.toHaveProperty("criticality");
  });
});

describe("the portfolio", () => {
  it("is for IT roles only", async () => {
    for (const name of ["admin", "cio", "rm", "otherRm"] as const) {
      expect(await outcome(listPortfolio(world.actors[name]))).toBe("ok");
      expect(await outcome(getPortfolioScoreTrend(world.actors[name]))).toBe("ok");
    }
    for (const name of ["client", "otherClient"] as const) {
      expect(await outcome(listPortfolio(world.actors[name]))).toBe("403");
      expect(await outcome(getPortfolioScoreTrend(world.actors[name]))).toBe("403");
    }
  });

  it("shows a relationship manager every row but lets them open only their own", async () => {
    const rows = await listPortfolio(world.actors.rm);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName.Finance).toMatchObject({ mine: true, canOpen: true });
    expect(byName.Sales).toMatchObject({ mine: false, canOpen: false });
    const cioRows = await listPortfolio(world.actors.cio);
    expect(cioRows.every((row) => row.canOpen)).toBe(true);
  });
});

describe("writing", () => {
  it("lets only full access log interactions, and writes nothing when refused", async () => {
    const expected: Record<ActorName, { mine: Outcome; theirs: Outcome }> = {
      admin: { mine: "ok", theirs: "ok" },
      cio: { mine: "ok", theirs: "ok" },
      rm: { mine: "ok", theirs: "404" },
      otherRm: { mine: "404", theirs: "ok" },
      client: { mine: "404", theirs: "404" },
      otherClient: { mine: "404", theirs: "404" },
    };
    for (const [name, outcomes] of Object.entries(expected) as [ActorName, { mine: Outcome; theirs: Outcome }][]) {
      for (const which of ["mine", "theirs"] as const) {
        const accountId = world.accounts[which].id;
        const before = await db().interaction.count({ where: { accountId } });
        const result = await outcome(logInteraction(world.actors[name], interactionInput(accountId)));
        expect(result, `${name} logging on ${which}`).toBe(outcomes[which]);
        const after = await db().interaction.count({ where: { accountId } });
        expect(after - before, `${name} on ${which}`).toBe(result === "ok" ? 1 : 0);
      }
    }
  });

  it("lets only the account's own clients rate", async () => {
    const mine = world.accounts.mine.id;
    expect(await outcome(submitRating(world.actors.client, ratingInput(mine)))).toBe("ok");
    expect(await outcome(submitRating(world.actors.otherClient, ratingInput(mine)))).toBe("404");
    expect(await outcome(submitRating(world.actors.rm, ratingInput(mine)))).toBe("403");
    expect(await outcome(submitRating(world.actors.cio, ratingInput(mine)))).toBe("403");
    expect(await outcome(submitRating(world.actors.otherRm, ratingInput(mine)))).toBe("404");
    expect(await db().rating.count()).toBe(1);
  });

  it("lets only admins manage users", async () => {
    expect(await outcome(listUsers(world.actors.admin))).toBe("ok");
    for (const name of ["cio", "rm", "client"] as const) expect(await outcome(listUsers(world.actors[name]))).toBe("403");
  });
});

describe("the portfolio's score over time", () => {
  it("averages every account's latest diagnosis at each month's end, quiet accounts included", async () => {
    const { createHealthSnapshot } = await import("../../prisma/seed/factories");
    const now = new Date("2026-11-15T12:00:00Z");
    const at = (iso: string) => new Date(iso);
    // Finance is diagnosed every month; Sales once, in September, and stays at 20 since.
    for (const [month, score] of [["2026-09-10", 80], ["2026-10-10", 70], ["2026-11-10", 60]] as const) {
      await createHealthSnapshot(db(), { accountId: world.accounts.mine.id, score, computedAt: at(`${month}T09:00:00Z`) });
    }
    await createHealthSnapshot(db(), { accountId: world.accounts.theirs.id, score: 20, computedAt: at("2026-09-20T09:00:00Z") });
    // A diagnosis after `now` does not count yet.
    await createHealthSnapshot(db(), { accountId: world.accounts.theirs.id, score: 100, computedAt: at("2026-11-20T09:00:00Z") });

    const trend = await getPortfolioScoreTrend(world.actors.cio, 3, now);
    expect(trend).toEqual([
      { month: at("2026-09-01T00:00:00Z"), average: 50, accounts: 2 },
      { month: at("2026-10-01T00:00:00Z"), average: 45, accounts: 2 },
      { month: at("2026-11-01T00:00:00Z"), average: 40, accounts: 2 },
    ]);
  });
});
