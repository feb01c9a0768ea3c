import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run db:seed", () => {
  it("refuses a production environment and touches no database", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "rapport-seed-")), "db");
    try {
      const result = spawnSync("npx", ["tsx", "scripts/db-seed.ts"], {
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", PGLITE_DIR: dir },
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toMatch(/production/i);
      expect(result.stderr + result.stdout).toMatch(/--force/);
      expect(existsSync(dir)).toBe(false);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
