import { describe, expect, it } from "vitest";
import { intInRange } from "./fields";

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
