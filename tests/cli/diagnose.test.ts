import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) =>
  spawnSync("npx", ["tsx", "scripts/diagnose.ts", ...args], { encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } });

describe("npm run diagnose", () => {
  it("prints the diagnosis of a valid file as JSON", () => {
    const result = run("tests/fixtures/scoring/examples/flu-account.json");
    expect(result.status).toBe(0);
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis.stage).toBe("FLU");
    expect(diagnosis.evidence.length).toBeGreaterThan(0);
    expect(diagnosis.treatments.length).toBeGreaterThan(0);
  });

  it("takes the evaluation time from --now", () => {
    const result = run("tests/fixtures/scoring/examples/healthy-account.json", "--now", "2026-07-01T00:00:00Z");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).computedAt).toBe("2026-07-01T00:00:00.000Z");
  });

  it("says what is wrong with invalid input and exits 2", () => {
    const result = run("tests/fixtures/scoring/examples/invalid-account.json");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/ratings\.\d+\.\w+: /);
  });

  it("exits 2 for a missing file or bad arguments", () => {
    expect(run("no-such-file.json").status).toBe(2);
    expect(run().status).toBe(2);
    expect(run("tests/fixtures/scoring/examples/flu-account.json", "--bogus").status).toBe(2);
  });
});
