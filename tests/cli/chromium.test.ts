import { describe, expect, it } from "vitest";
import { findChromium, INSTALL_CHROMIUM } from "../e2e/chromium";

describe("finding Chromium for the browser tests", () => {
  it("takes the first place that exists", () => {
    expect(findChromium(["/no/such/chrome", undefined, process.execPath])).toBe(process.execPath);
  });

  it("fails at once with the command that installs one", () => {
    expect(() => findChromium(["/no/such/chrome", undefined])).toThrow(INSTALL_CHROMIUM);
    expect(INSTALL_CHROMIUM).toBe("sudo apt-get update && sudo apt-get install -y chromium");
  });
});
