import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const INSTALL_CHROMIUM = "sudo apt-get update && sudo apt-get install -y chromium";

/**
 * Playwright cannot download its browsers here, so the tests use an installed Chromium:
 * CHROME_PATH, then Debian's /usr/bin/chromium, then Playwright's own cache. None: fail at once
 * with the command that installs one.
 */
export function findChromium(
  places: (string | undefined)[] = [process.env.CHROME_PATH, "/usr/bin/chromium", safePlaywrightPath()],
): string {
  const candidates = places.filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests (looked at ${candidates.join(", ")}).\n` +
        `Install one with:\n\n    ${INSTALL_CHROMIUM}\n\nor set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
