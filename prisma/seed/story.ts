import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "../../lib/generated/prisma/client";
import {
  parseStoryFile,
  sharedStorySchema,
  STORY_STAGES,
  StoryDataError,
  unitSchema,
  type PhaseShape,
  type SharedStory,
  type StaffMember,
  type StoryCampaign,
  type Unit,
} from "./story-schema";

// The demo story is data: prisma/seed/story.json (staff, filler wording, phase shapes) and one file
// per business unit in prisma/seed/units/. This module loads and checks them (each file against
// story-schema.ts, then what spans files: staff keys, phase shapes, names), so a bad edit fails
// with the file and field it is in.

/** A phase with its shape applied: every field the generator reads. */
export type StoryPhase = PhaseShape & { fromDaysAgo: number; toDaysAgo: number };
export type AccountStory = Omit<Unit, "phases"> & { phases: StoryPhase[] };

export interface Story {
  shared: SharedStory;
  units: AccountStory[];
}

/** Reads and checks the story in `dir` (a directory holding story.json and units/). */
export function loadStory(dir: string = import.meta.dirname): Story {
  const file = (name: string) => path.join(dir, name);
  // Short paths in messages when the story is in this checkout.
  const relative = (name: string) => (file(name).startsWith(process.cwd()) ? path.relative(process.cwd(), file(name)) : file(name));
  const shared = parseStoryFile(sharedStorySchema, relative("story.json"), readFileSync(file("story.json"), "utf8"));
  const staff = new Map(shared.staff.map((member) => [member.key, member]));
  const names = new Set<string>();

  const units = readdirSync(file("units"))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const where = relative(path.join("units", name));
      const unit = parseStoryFile(unitSchema, where, readFileSync(file(path.join("units", name)), "utf8"));
      const issues: { path: PropertyKey[]; message: string }[] = [];
      const manager = (key: string | null, at: PropertyKey[]) => {
        if (key !== null && staff.get(key)?.role !== "RELATIONSHIP_MANAGER") issues.push({ path: at, message: `"${key}" is not a relationship manager in story.json` });
      };
      const member = (key: string | undefined, at: PropertyKey[]) => {
        if (key !== undefined && !staff.has(key)) issues.push({ path: at, message: `No staff member "${key}" in story.json` });
      };
      if (unit.key !== path.basename(name, ".json")) issues.push({ path: ["key"], message: `Expected "${path.basename(name, ".json")}", the file's name` });
      if (names.has(unit.name)) issues.push({ path: ["name"], message: `Another unit is already called "${unit.name}"` });
      names.add(unit.name);
      manager(unit.manager, ["manager"]);
      unit.earlierManagers.forEach((m, i) => manager(m.manager, ["earlierManagers", i, "manager"]));
      unit.badNews.forEach((b, i) => member(b.toldBy, ["badNews", i, "toldBy"]));
      unit.itAssessments.forEach((a, i) => member(a.by, ["itAssessments", i, "by"]));
      // Who may set an override in the app: the CIO, an admin, the unit's relationship manager.
      const overrider = (key: string, at: PropertyKey[]) => {
        const role = staff.get(key)?.role;
        if (role !== "CIO" && role !== "ADMIN" && key !== unit.manager) issues.push({ path: at, message: `"${key}" is not the CIO, an admin or this unit's manager in story.json` });
      };
      unit.stageOverrides.forEach((o, i) => {
        overrider(o.by, ["stageOverrides", i, "by"]);
        if (o.ended) overrider(o.ended.by, ["stageOverrides", i, "ended", "by"]);
      });
      const phases = unit.phases.map(({ shape, ...own }, i) => {
        const base = shape === undefined ? undefined : shared.phaseShapes[shape];
        if (shape !== undefined && !base) issues.push({ path: ["phases", i, "shape"], message: `No phase shape "${shape}" in story.json` });
        const merged = { ...base, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
        for (const key of ["every", "types", "mood"] as const) {
          if (merged[key] === undefined) issues.push({ path: ["phases", i, key], message: "Required, here or in the phase's shape" });
        }
        return merged as StoryPhase;
      });
      if (issues.length > 0) throw new StoryDataError(where, issues);
      return { ...unit, phases };
    })
    // Healthiest first, as the story is told.
    .sort((a, b) => STORY_STAGES.indexOf(a.intendedStage) - STORY_STAGES.indexOf(b.intendedStage));
  checkCampaigns(shared, units, relative("story.json"));
  return { shared, units };
}

/** What the campaigns name must exist: units, their contacts and core systems, staff. */
function checkCampaigns(shared: SharedStory, units: readonly AccountStory[], file: string): void {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const keys = new Set<string>();
  shared.campaigns.forEach((c, i) => {
    if (keys.has(c.key)) issues.push({ path: ["campaigns", i, "key"], message: `Another campaign is already "${c.key}"` });
    keys.add(c.key);
    if (!shared.staff.some((s) => s.key === c.by)) issues.push({ path: ["campaigns", i, "by"], message: `No staff member "${c.by}"` });
    c.rounds.forEach((r, j) =>
      r.accounts.forEach((a, k) => {
        const at = ["campaigns", i, "rounds", j, "accounts", k];
        const unit = units.find((u) => u.key === a.unit);
        if (!unit) return issues.push({ path: [...at, "unit"], message: `No unit "${a.unit}"` });
        const people = [unit.client, ...unit.contacts];
        a.invitations.forEach((inv, n) => {
          const person = people.find((p) => p.name === inv.contact);
          if (!person) issues.push({ path: [...at, "invitations", n, "contact"], message: `No contact "${inv.contact}" in ${unit.key}` });
          if (inv.skipped === "unsubscribed" && !(person && "unsubscribedDaysAgo" in person && person.unsubscribedDaysAgo !== undefined)) {
            issues.push({ path: [...at, "invitations", n, "skipped"], message: `${inv.contact} has no unsubscribedDaysAgo in ${unit.key}` });
          }
          for (const system of Object.keys(inv.answered?.scores ?? {})) {
            if (!unit.coreSystems.some((s) => s.key === system)) issues.push({ path: [...at, "invitations", n, "answered", "scores", system], message: `No core system "${system}" in ${unit.key}` });
          }
        });
      }),
    );
  });
  if (issues.length > 0) throw new StoryDataError(file, issues);
}

const story = loadStory();

export const DEMO_PASSWORD = story.shared.password;
export const STAFF: readonly StaffMember[] = story.shared.staff;
export const FILLER = story.shared.filler;
export const ACCOUNT_STORIES: readonly AccountStory[] = story.units;
export const CAMPAIGNS: readonly StoryCampaign[] = story.shared.campaigns;

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** The account a business client belongs to, or the accounts a relationship manager owns. */
  accountName: string | null;
  accountNames?: string[];
}

/** Every demo login (password DEMO_PASSWORD), staff first; one business client per unit. */
export const DEMO_USERS: readonly DemoUser[] = [
  ...STAFF.map(({ key, ...user }) => ({
    ...user,
    accountName: null,
    accountNames: ACCOUNT_STORIES.filter((unit) => unit.manager === key).map((unit) => unit.name),
  })),
  ...ACCOUNT_STORIES.map((unit) => ({ email: clientEmail(unit), name: unit.client.name, role: "CLIENT" as const, accountName: unit.name })),
];

export function clientEmail(unit: Pick<AccountStory, "key">): string {
  return `client.${unit.key}@rapport.example`;
}
