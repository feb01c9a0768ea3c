import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("formDataToObject", () => {
  it("nests dotted names, indexed rows and repeated lists", () => {
    expect(
      formDataToObject(form([["summary", "Review"], ["quotes.0.text", "a"], ["quotes.0.side", "IT"], ["quotes.2.text", "b"], ["ids[]", "x"], ["ids[]", "y"]])),
    ).toEqual({ summary: "Review", quotes: [{ text: "a", side: "IT" }, { text: "b" }], ids: ["x", "y"] });
  });

  it("ignores names that could reach object prototypes", () => {
    const result = formDataToObject(
      form([["__proto__.polluted", "yes"], ["constructor.prototype.polluted", "yes"], ["quotes.__proto__.polluted", "yes"], ["ok", "1"]]),
    );
    expect(result).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops a path that runs into a value already set", () => {
    expect(formDataToObject(form([["a", "1"], ["a.b", "2"]]))).toEqual({ a: "1" });
  });

  it("ignores row indexes beyond 99 instead of building huge arrays", () => {
    const started = performance.now();
    expect(formDataToObject(form([["quotes.4294967294.text", "x"], ["quotes.100.text", "y"]]))).toEqual({});
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
