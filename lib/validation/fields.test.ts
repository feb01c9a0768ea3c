import { describe, expect, it } from "vitest";
import { checkbox, dateOnly, dateTime, intInRange, money, optionalDateOnly, optionalText, percent, trimmed } from "./fields";

const score = intInRange("Overall satisfaction", 1, 5);
const message = (value: unknown) => score.safeParse(value).error?.issues[0]?.message;

describe("intInRange", () => {
  it("reads whole numbers from form fields and JSON", () => {
    expect(score.parse("4")).toBe(4);
    expect(score.parse(" 5 ")).toBe(5);
    expect(score.parse(3)).toBe(3);
  });

  it("treats blank and null as missing, never as 0", () => {
    for (const value of ["", "  ", null, undefined]) expect(message(value)).toBe("Overall satisfaction is required");
    expect(intInRange("Recommend", 0, 10).safeParse(null).success).toBe(false);
  });

  it("refuses values that only coerce to numbers", () => {
    for (const value of [true, false, [4], "0x3", "4.5", 4.5, "four", {}]) {
      expect(message(value), JSON.stringify(value)).toBe("Overall satisfaction must be a whole number");
    }
    expect(message("9")).toBe("Overall satisfaction must be between 1 and 5");
  });
});

describe("dates, amounts and percentages", () => {
  const day = dateOnly("the date");
  it("takes real calendar dates only", () => {
    expect(day.parse("2026-03-01")).toEqual(new Date("2026-03-01T00:00:00Z"));
    for (const value of ["2026-02-30", "0", "$1", "2026-3-1", "", "1999-12-31", "2026-03-01T10:00:00Z", 20260301]) {
      expect(day.safeParse(value).success, String(value)).toBe(false);
    }
    expect(optionalDateOnly("the date").parse("")).toBeNull();
  });

  it("takes instants with an offset only", () => {
    const at = dateTime("the time");
    expect(at.parse("2026-03-01T09:30:00+01:00")).toEqual(new Date("2026-03-01T08:30:00Z"));
    for (const value of ["2026-03-01T09:30", "0", "2026-02-30T10:00:00Z", "yesterday"]) expect(at.safeParse(value).success, value).toBe(false);
  });

  it("reads amounts and percentages as people write them", () => {
    const amount = money("Budget");
    expect(amount.parse("12,000.50")).toBe(12000.5);
    expect(amount.parse("")).toBeNull();
    for (const value of ["-5", "1.234", "12 000", "1e6", true]) expect(amount.safeParse(value).success, String(value)).toBe(false);
    const share = percent("Attained");
    expect(share.parse("99.95")).toBe(99.95);
    expect(share.parse("98%")).toBe(98);
    for (const value of ["101", "-1", "abc", ""]) expect(share.safeParse(value).success, value).toBe(false);
  });

  it("reads checkboxes as present or absent", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(checkbox.safeParse("maybe").success).toBe(false);
  });
});

describe("text PostgreSQL can store", () => {
  const summary = trimmed("Summary", 3, 200);
  const notes = optionalText("The notes", 2000);
  const messages = (schema: typeof summary | typeof notes, value: string) => schema.safeParse(value).error?.issues.map((issue) => issue.message);

  it("refuses a NUL character with a message naming the field, and nothing else about it", () => {
    expect(messages(summary, "Weekly\u0000 call")).toEqual(["Summary contains a NUL character (\\0), which cannot be saved: remove it"]);
    expect(messages(notes, "\u0000")).toEqual(["The notes contains a NUL character (\\0), which cannot be saved: remove it"]);
  });

  it("refuses half of a surrogate pair (a broken emoji), alone or at either end", () => {
    for (const value of ["Broken \uD83D here", "\uDE00 first", "last \uD83D"]) {
      expect(messages(summary, value), JSON.stringify(value)).toEqual(["Summary contains a broken character (half of an emoji or symbol), which cannot be saved: retype it"]);
    }
  });

  it("keeps whole emoji, accents and other scripts", () => {
    expect(summary.parse("Déjà vu 😀 会议")).toBe("Déjà vu 😀 会议");
    expect(notes.parse("Tabs\tand\nnew lines")).toBe("Tabs\tand\nnew lines");
  });
});
