import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/accounts/c123?tab=ratings#x")).toBe("/accounts/c123?tab=ratings#x");
    expect(safeCallbackUrl(["/dashboard", "/other"])).toBe("/dashboard");
  });

  it("sends every way off-site to the start page", () => {
    for (const url of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "javascript:alert(1)", "", undefined]) {
      expect(safeCallbackUrl(url), JSON.stringify(url)).toBe("/");
    }
  });
});
