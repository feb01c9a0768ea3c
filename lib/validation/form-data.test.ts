import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm, safeFormData } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

const names = (data: FormData) => [...data.keys()];

describe("safeFormData", () => {
  it("keeps plain names, dotted names, row indexes and trailing []", () => {
    const kept = ["summary", "quotes[0].text", "quotes[12].side", "meta.owner", "ids[]"];
    expect(names(safeFormData(form(kept.map((name) => [name, "x"]))))).toEqual(kept);
  });

  it("drops names that could reach object prototypes", () => {
    const data = form([["__proto__.polluted", "yes"], ["constructor.prototype.polluted", "yes"], ["quotes.prototype", "yes"], ["ok", "1"]]);
    expect(names(safeFormData(data))).toEqual(["ok"]);
  });

  it("drops row indexes beyond 99, so nobody can make a 4-billion-slot array", () => {
    expect(names(safeFormData(form([["quotes[4294967294].text", "x"], ["quotes[100].text", "y"], ["quotes[99].text", "z"]])))).toEqual(["quotes[99].text"]);
  });

  it("keeps row intents that name a real field and a small index, and drops the rest", () => {
    const intent = (value: unknown) => safeFormData(form([["__intent__", JSON.stringify(value)]])).has("__intent__");
    expect(intent({ type: "insert", payload: { name: "quotes" } })).toBe(true);
    expect(intent({ type: "remove", payload: { name: "quotes", index: 3 } })).toBe(true);
    expect(intent({ type: "remove", payload: { name: "quotes", index: 4294967294 } })).toBe(false);
    expect(intent({ type: "update", payload: { name: "__proto__", value: {} } })).toBe(false);
    expect(safeFormData(form([["__intent__", "{not json"]])).has("__intent__")).toBe(false);
  });
});

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(2), tags: z.array(z.string()).default([]), rows: z.array(z.object({ text: z.string() })).default([]) });

  it("builds nested rows and lists, and does not coerce (the shared schemas read strings themselves)", () => {
    const submission = parseForm(form([["name", "Ana"], ["tags[]", "a"], ["rows[0].text", "one"], ["rows[1].text", "two"]]), schema);
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toEqual({ name: "Ana", tags: ["a"], rows: [{ text: "one" }, { text: "two" }] });
  });

  it("reports errors by Conform field name", () => {
    const submission = parseForm(form([["name", "A"], ["rows[0].text", "x"]]), schema.extend({ rows: z.array(z.object({ text: z.string().min(2) })) }));
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && Object.keys(submission.error ?? {}).sort()).toEqual(["name", "rows[0].text"]);
  });

  it("applies a row intent without reporting a result", () => {
    const submission = parseForm(form([["name", "Ana"], ["__intent__", JSON.stringify({ type: "insert", payload: { name: "rows" } })]]), schema);
    expect(submission.status).toBeUndefined();
    expect(submission.payload).toMatchObject({ rows: [undefined] });
  });
});
