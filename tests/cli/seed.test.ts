import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../lib/scoring";
import { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "../../lib/scoring/phrases/sources";
import { buildStoryRows } from "../../prisma/seed/build-rows";
import { ACCOUNT_STORIES, DEMO_PASSWORD, DEMO_USERS, FILLER, loadStory, STAFF } from "../../prisma/seed/story";
import { STORY_STAGES } from "../../prisma/seed/story-schema";

const SEED_DIR = path.resolve(import.meta.dirname, "../../prisma/seed");
const SEVERITY = (stage: string) => STORY_STAGES.indexOf(stage as (typeof STORY_STAGES)[number]);

describe("npm run db:seed", () => {
  it("refuses a production environment and touches no database", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "rapport-seed-")), "db");
    try {
      const result = spawnSync("npx", ["tsx", "scripts/db-seed.ts"], {
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", PGLITE_DIR: dir },
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toMatch(/production/i);
      expect(result.stderr + result.stdout).toMatch(/--force/);
      expect(existsSync(dir)).toBe(false);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe("the demo story's data", () => {
  it("tells twelve units across all five stages, Facilities without a relationship manager", () => {
    expect(ACCOUNT_STORIES).toHaveLength(12);
    expect(new Set(ACCOUNT_STORIES.map((u) => u.intendedStage))).toEqual(new Set(STORY_STAGES));
    expect(ACCOUNT_STORIES.find((u) => u.key === "facilities")?.manager).toBeNull();
  });

  it("keeps the README's demo logins true", () => {
    const readme = readFileSync(path.resolve(SEED_DIR, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Demo logins"), readme.indexOf("## ", readme.indexOf("## Demo logins") + 3));
    expect(section).toContain(`\`${DEMO_PASSWORD}\``);
    const emails = new Set(DEMO_USERS.map((u) => u.email));
    for (const [, email, sees] of section.matchAll(/\| `([^`]+@rapport\.example)` \| ([^|]+) \|/g)) {
      expect(emails).toContain(email);
      const user = DEMO_USERS.find((u) => u.email === email)!;
      // A relationship manager's row names exactly the units they own, in the README's order.
      if (user.role === "RELATIONSHIP_MANAGER") expect(sees!.split(" (")[0]!.split(/, /).map((s) => s.trim())).toEqual(user.accountNames);
    }
    const keys = section.match(/with `<unit>` one of\s+([\s\S]+?)\. Facilities/)![1]!.match(/`([a-z-]+)`/g)!.map((k) => k.slice(1, -1));
    expect(keys.sort()).toEqual(ACCOUNT_STORIES.map((u) => u.key).sort());
    expect(STAFF.map((s) => s.email)).toEqual(expect.arrayContaining(["admin@rapport.example", "cio@rapport.example"]));
  });

  it("uses neutral filler: no article phrase in any random interaction, quote, follow-up or rating comment", () => {
    const texts = [...Object.values(FILLER.summaries), ...FILLER.notesByMood, ...Object.values(FILLER.chatter), ...Object.values(FILLER.followUps)].flat();
    for (const text of texts) expect(interactionTextPhrases(text, ""), text).toEqual([]);
    for (const unit of ACCOUNT_STORIES) {
      for (const comment of unit.phases.flatMap((p) => p.ratings?.comments ?? [])) expect(ratingCommentPhrases(comment), `${unit.key}: ${comment}`).toEqual([]);
    }
  });

  it("lets each unit hear no phrase of a stage worse than its own in the recent window, and healthy units none at all", () => {
    for (const unit of ACCOUNT_STORIES) {
      const recent = unit.moments.filter((m) => m.daysAgo <= defaultConfig.windows.recentDays);
      const hits = recent.flatMap((m) => [...interactionTextPhrases(m.summary, m.notes), ...m.quotes.flatMap((q) => quotePhrases(q.text, q.side))]);
      if (unit.intendedStage === "HEALTHY") expect(hits.map((h) => h.phraseId), unit.key).toEqual([]);
      for (const hit of hits) expect(SEVERITY(hit.stage), `${unit.key}: ${hit.matchedText}`).toBeLessThanOrEqual(SEVERITY(unit.intendedStage));
    }
  });

  it("builds the same rows for the same moment", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const build = () => buildStoryRows(ACCOUNT_STORIES, STAFF, FILLER, now, "hash");
    expect(build()).toEqual(build());
  });

  it("asks for ratings by email: a quarterly series, anonymous rounds above and below K, skips, a failed email, open links", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const rows = buildStoryRows(ACCOUNT_STORIES, STAFF, FILLER, now, "hash");
    const series = rows.campaigns.filter((c) => c.recurrence === "QUARTERLY");
    expect(series.length).toBeGreaterThanOrEqual(3);
    // Each round repeats the one before; the latest is open now.
    expect(series.slice(1).map((c) => c.previousId)).toEqual(series.slice(0, -1).map((c) => c.id));
    expect(series.at(-1)?.status).toBe("OPEN");
    expect(series.slice(0, -1).every((c) => c.status === "CLOSED")).toBe(true);

    const answers = (campaignId: string) => rows.ratings.filter((r) => r.campaignId === campaignId);
    const anonymous = rows.campaigns.filter((c) => c.anonymous);
    expect(anonymous.some((c) => answers(c.id!).length >= c.minGroupSize!)).toBe(true);
    expect(anonymous.some((c) => answers(c.id!).length > 0 && answers(c.id!).length < c.minGroupSize!)).toBe(true);
    for (const c of anonymous) {
      for (const r of answers(c.id!)) {
        // Nothing leads back to the person: no contact, no user, a random id, only the day kept.
        expect(r).toMatchObject({ contactId: null, userId: null, source: "INVITATION" });
        expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
        expect(new Date(r.createdAt!).getUTCHours()).toBe(0);
      }
      expect(rows.invitations.filter((i) => i.campaignId === c.id).every((i) => i.ratingId === null)).toBe(true);
    }

    const reasons = rows.invitations.map((i) => i.skippedReason).filter(Boolean);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/within the 30-day recontact window$/), expect.stringMatching(/^Unsubscribed on .*: never emailed again$/)]));
    for (const i of rows.invitations.filter((x) => x.skippedReason)) expect(rows.emailMessages.some((e) => e.invitationId === i.id)).toBe(false);
    expect(rows.emailMessages.filter((e) => e.status === "FAILED").map((e) => e.lastError)).toEqual([expect.stringMatching(/mailbox full/)]);
    // Answered, unanswered after reminders, and links still open in the development mailbox.
    const sent = rows.invitations.filter((i) => i.sentAt);
    expect(sent.some((i) => i.answeredAt)).toBe(true);
    expect(sent.some((i) => !i.answeredAt && i.remindersSent === 2)).toBe(true);
    const open = sent.filter((i) => !i.answeredAt && new Date(i.expiresAt!) > now);
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const i of open) expect(rows.emailMessages.find((e) => e.invitationId === i.id && e.kind === "INVITATION")).toMatchObject({ status: "SENT", transport: "mailbox" });
    expect(rows.serviceScores.length).toBeGreaterThan(0);
  });

  it("refuses a bad file, naming the file and the field", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rapport-story-"));
    try {
      cpSync(SEED_DIR, dir, { recursive: true, filter: (src) => !src.endsWith(".ts") });
      const file = path.join(dir, "units", "sales.json");
      const sales = JSON.parse(readFileSync(file, "utf8"));
      const write = (change: (unit: typeof sales) => void) => {
        const copy = structuredClone(sales);
        change(copy);
        writeFileSync(file, JSON.stringify(copy));
      };
      write((unit) => (unit.projects[1].plannedEndDaysAgo = "last spring"));
      expect(() => loadStory(dir)).toThrow(/units\/sales\.json:\n {2}projects\.1\.plannedEndDaysAgo: .*expected number/);
      write((unit) => (unit.structuralEvents[0].size = 4));
      expect(() => loadStory(dir)).toThrow(/sales\.json:\n {2}structuralEvents\.0\.size: Only a shadow IT team has a size/);
      write((unit) => (unit.manager = "robin"));
      expect(() => loadStory(dir)).toThrow(/sales\.json:\n {2}manager: "robin" is not a relationship manager in story\.json/);
      writeFileSync(file, JSON.stringify(sales));
      const storyFile = path.join(dir, "story.json");
      const shared = JSON.parse(readFileSync(storyFile, "utf8"));
      shared.campaigns[0].rounds[0].accounts[0].invitations[0].contact = "Nobody Known";
      writeFileSync(storyFile, JSON.stringify(shared));
      expect(() => loadStory(dir)).toThrow(/story\.json:\n {2}campaigns\.0\.rounds\.0\.accounts\.0\.invitations\.0\.contact: No contact "Nobody Known" in finance/);
      shared.campaigns[0].rounds[0].accounts[0].invitations[0] = { contact: "Priya Natarajan", skipped: "recontact", failed: "bounced" };
      writeFileSync(storyFile, JSON.stringify(shared));
      expect(() => loadStory(dir)).toThrow(/invitations\.0: At most one of answered, skipped and failed/);
      cpSync(path.join(SEED_DIR, "story.json"), storyFile);
      writeFileSync(file, "{ not json");
      expect(() => loadStory(dir)).toThrow(/sales\.json:\n {2}\(file\): not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
