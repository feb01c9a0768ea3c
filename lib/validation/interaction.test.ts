import { describe, expect, it } from "vitest";
import { dueDateProblem, followUpInputSchema, interactionInputSchema, MAX_FOLLOW_UP_DAYS } from "./interaction";

const DAY = 86_400_000;
const ACCOUNT = "c".repeat(25);
const day = (date: Date) => date.toISOString().slice(0, 10);

const input = (overrides: Record<string, unknown> = {}) => ({
  accountId: ACCOUNT,
  type: "CALL",
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  summary: "Weekly call",
  sentiment: "NEUTRAL",
  followUps: [{ description: "Share the roadmap", owedBy: "IT", dueDate: day(new Date(Date.now() + 7 * DAY)) }],
  ...overrides,
});
const errorsOf = (value: Record<string, unknown>) => {
  const result = interactionInputSchema.safeParse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("when an interaction happened", () => {
  it("takes an ISO instant with its offset", () => {
    expect(interactionInputSchema.parse(input({ occurredAt: "2026-03-01T09:30:00+01:00" })).occurredAt).toEqual(new Date("2026-03-01T08:30:00Z"));
  });

  it("refuses what z.coerce.date took: 0, $1, an empty string, 30 February, a bare number", () => {
    for (const occurredAt of ["0", "$1", "", "2026-02-30T10:00:00Z", 0, 1_772_000_000_000, "March 1", null]) {
      expect(errorsOf(input({ occurredAt })).occurredAt, JSON.stringify(occurredAt)).toMatch(/^Enter when it happened/);
    }
  });

  it("refuses a time outside 2000–2100 or in the future, with a message saying which", () => {
    expect(errorsOf(input({ occurredAt: "1999-12-31T23:00:00Z" })).occurredAt).toBe("Enter when it happened between 2000 and 2100");
    expect(errorsOf(input({ occurredAt: new Date(Date.now() + DAY).toISOString() })).occurredAt).toBe("Log interactions once they have happened: this time is in the future");
  });
});

describe("follow-up due dates", () => {
  const at = new Date("2026-03-10T15:00:00Z");

  it("are real calendar days from the interaction's day (a day's margin) to two years after it", () => {
    expect(dueDateProblem(new Date("2026-03-09T00:00:00Z"), at)).toBeNull();
    expect(dueDateProblem(new Date("2026-03-08T00:00:00Z"), at)).toBe("A follow-up cannot be due before the interaction it came from");
    expect(dueDateProblem(new Date(at.getTime() + MAX_FOLLOW_UP_DAYS * DAY - DAY), at)).toBeNull();
    expect(dueDateProblem(new Date("2028-03-12T00:00:00Z"), at)).toBe("A follow-up must be due within two years");
  });

  it("are checked against the interaction in the form, at the row's position", () => {
    const occurredAt = new Date(Date.now() - 30 * DAY);
    const row = (dueDate: string) => input({ occurredAt: occurredAt.toISOString(), followUps: [{ description: "Share the roadmap", owedBy: "IT", dueDate }] });
    expect(errorsOf(row(day(new Date(occurredAt.getTime() - 3 * DAY))))["followUps.0.dueDate"]).toBe("A follow-up cannot be due before the interaction it came from");
    expect(errorsOf(row(day(new Date(occurredAt.getTime() + 800 * DAY))))["followUps.0.dueDate"]).toBe("A follow-up must be due within two years");
    for (const dueDate of ["2026-02-30", "0", "$1", "2150-01-01"]) expect(errorsOf(row(dueDate))["followUps.0.dueDate"], dueDate).toMatch(/^Enter a due date/);
    expect(errorsOf(row(day(occurredAt)))).toEqual({});
  });

  it("are bounded by today when a follow-up is corrected on its own", () => {
    const followUp = (dueDate: string) => followUpInputSchema.safeParse({ description: "Share the roadmap", owedBy: "IT", dueDate });
    expect(followUp(day(new Date(Date.now() + 30 * DAY))).success).toBe(true);
    expect(followUp(day(new Date(Date.now() + 800 * DAY))).error?.issues[0]?.message).toBe("A follow-up must be due within two years");
    expect(followUp("2026-02-30").success).toBe(false);
  });
});
