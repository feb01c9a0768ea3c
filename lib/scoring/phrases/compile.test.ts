import { describe, expect, it } from "vitest";
import { compilePattern } from "./compile";
import { patternMatch } from "./match";

const test = (template: string, text: string, macros: Record<string, string[]> = {}) => patternMatch(template, text, macros) !== undefined;

describe("the pattern notation", () => {
  it("matches contracted and expanded forms, with any apostrophe or none", () => {
    for (const text of ["does not work", "doesn't work", "doesnt work", "doesn’t work", "DOESN'T WORK", "it did not work", "didn't work"]) {
      expect(test("do not work", text), text).toBe(true);
    }
    expect(test("we are late", "we're late")).toBe(true);
    expect(test("we will go", "we'll go")).toBe(true);
  });

  it("requires the apostrophe where dropping it makes another word", () => {
    expect(test("we will go", "well go")).toBe(false);
    expect(test("we are late", "were late")).toBe(false);
  });

  it("matches word forms by lemma and British and American spelling alike", () => {
    for (const text of ["we built it", "they are building it", "she builds it"]) expect(test("build it", text), text).toBe(true);
    expect(test("organize it", "we will organise it")).toBe(true);
    expect(test("fire the team", "firing the team")).toBe(true);
  });

  it("matches capital IT only as the department, unless the sentence is all capitals", () => {
    expect(test("using IT", "using IT")).toBe(true);
    expect(test("using IT", "using I.T. now")).toBe(true);
    expect(test("using IT", "using it")).toBe(false);
    expect(test("using IT", "WE ARE USING IT")).toBe(true);
    expect(test("using it", "using IT")).toBe(true);
  });

  it("supports optional words, gaps, macros, clause ends and exclusions", () => {
    expect(test("a [very] b", "a b")).toBe(true);
    expect(test("a [very] b", "a very b")).toBe(true);
    expect(test("alpha ~ beta", "alpha x y z beta")).toBe(true);
    expect(test("alpha ~ beta", "alpha w x y z beta")).toBe(false);
    expect(test("alpha ~5 beta", "alpha v w x y z beta")).toBe(true);
    expect(test("@who left", "the team left", { who: ["the team", "they"] })).toBe(true);
    expect(test("get it!(done)", "get it done")).toBe(false);
    expect(test("get it!(done)", "get it")).toBe(true);
    expect(test("!(not) happy", "not happy")).toBe(false);
    expect(test("must go$", "the CIO must go.")).toBe(true);
    expect(test("must go$", "the CIO must go to the board")).toBe(false);
  });

  it("never lets a gap swallow a negation", () => {
    expect(test("we ~ support it", "we do support it")).toBe(true);
    expect(test("we ~ support it", "we do not support it")).toBe(false);
  });

  it("joins parts with & in one sentence or two adjacent ones", () => {
    expect(test("late & over budget", "It was late. It was over budget.")).toBe(true);
    expect(test("late & over budget", "Over budget, and late.")).toBe(true);
    expect(test("late & over budget", "It was late. Fine. Over budget.")).toBe(false);
  });

  it("joins parts with + in one sentence, in any order, close together", () => {
    expect(test("slow + reply", "They are slow to reply.")).toBe(true);
    expect(test("slow + reply", "Every reply comes slow.")).toBe(true);
    expect(test("slow + reply", "They are slow. No reply.")).toBe(false);
    expect(test("slow + reply", `Slow ${"and steady wins the race, they say, ".repeat(3)}reply.`)).toBe(false);
    // Each part is read on its own: a negation in front of one denies it.
    expect(test("slow + reply", "They are not slow to reply.")).toBe(false);
  });

  it("matches whole words within one clause of a sentence", () => {
    expect(test("red tape", "red tapestry")).toBe(false);
    expect(test("red tape", "bored tape")).toBe(false);
  });

  it("picks a long required word as the anchor", () => {
    expect(compilePattern("(we|i) [just] build ~ ourselves", {}).parts[0]!.anchors).toContain("ourselves");
  });

  it("rejects malformed patterns", () => {
    expect(() => compilePattern("[a] ~", {})).toThrow(/required word/);
    expect(() => compilePattern("@nope a", {})).toThrow(/Unknown macro/);
    expect(() => compilePattern("a # b", {})).toThrow(/Unexpected/);
    expect(() => compilePattern("a & b + c", {})).toThrow(/not both/);
  });
});
