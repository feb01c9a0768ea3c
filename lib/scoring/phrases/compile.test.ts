import { describe, expect, it } from "vitest";
import { compilePattern } from "./compile";

const test = (template: string, text: string, macros: Record<string, string[]> = {}) =>
  compilePattern(template, macros).regex.test(text);

describe("compilePattern", () => {
  it("matches contracted and expanded forms, with any apostrophe", () => {
    for (const text of ["does not work", "doesn't work", "doesnt work", "doesn’t work", "DOESN'T WORK"]) {
      expect(test("does not work", text)).toBe(true);
    }
  });

  it("requires the apostrophe where dropping it makes another word", () => {
    expect(test("we will go", "we'll go")).toBe(true);
    expect(test("we will go", "well go")).toBe(false);
  });

  it("matches capital IT only as the department", () => {
    expect(test("using IT", "using IT")).toBe(true);
    expect(test("using IT", "using I.T. now")).toBe(true);
    expect(test("using IT", "using it")).toBe(false);
    expect(test("using it", "using IT")).toBe(true);
  });

  it("supports optional words, gaps, macros and a negative tail", () => {
    expect(test("a [very] b", "a b")).toBe(true);
    expect(test("a [very] b", "a very b")).toBe(true);
    expect(test("a ~ b", "a x y z b")).toBe(true);
    expect(test("a ~ b", "a w x y z b")).toBe(false);
    expect(test("@who left", "the team left", { who: ["the team", "they"] })).toBe(true);
    expect(test("get it!(done)", "get it done")).toBe(false);
    expect(test("get it!(done)", "get it")).toBe(true);
  });

  it("matches whole words only", () => {
    expect(test("red tape", "red taped")).toBe(false);
    expect(test("red tape", "bored tape")).toBe(false);
  });

  it("picks a long required word as the anchor", () => {
    expect(compilePattern("(we|i) [just] build ~ ourselves", {}).anchors).toEqual(["ourselves"]);
    expect(compilePattern("(red tape|bureaucracy) now", {}).anchors).toEqual(["tape", "bureaucracy"]);
  });

  it("rejects malformed patterns", () => {
    expect(() => compilePattern("a ~", {})).toThrow(/required word/);
    expect(() => compilePattern("@nope a", {})).toThrow(/Unknown macro/);
    expect(() => compilePattern("a # b", {})).toThrow(/Unexpected/);
  });
});
