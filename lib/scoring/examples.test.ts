import { describe, expect, it } from "vitest";
import { EXAMPLES, readExample } from "../../tests/fixtures/scoring/examples";
import { diagnose } from "./index";

describe("example accounts (tests/fixtures/scoring/examples)", () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))("%s", (file, example) => {
    const { signals, now, history } = readExample(file);
    const d = diagnose(signals, { now, history });
    const summary = `${example.story}\n${d.stage}: ${d.evidence.map((e) => `${e.signal}(${e.stage} ${e.weight}${e.decisive ? " decisive" : ""})`).join(", ")}`;
    expect(d.stage, summary).toBe(example.expect.stage);
    const decisive = d.evidence.filter((e) => e.decisive).map((e) => e.signal);
    for (const signal of example.expect.decisive) expect(decisive, summary).toContain(signal);
    const seen = d.evidence.map((e) => e.signal);
    for (const signal of example.expect.evidence ?? []) expect(seen, summary).toContain(signal);
    const treatments = d.treatments.map((t) => t.id);
    for (const id of example.expect.treatments) expect(treatments, summary).toContain(id);
  });
});
