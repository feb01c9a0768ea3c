import { defineConfig } from "@playwright/test";
import { findChromium } from "./tests/e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // A 2-core CI machine under load sometimes loses a race with hydration; a retry is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      // Without the network flags Chromium keeps dialling Google's hosts on this offline machine.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Saving scoring settings re-diagnoses every demo account (the spec puts the defaults back), so
  // it runs after every spec that reads the demo's stages; background work (which saves settings
  // and re-detects phrases) after that, so that neither sees the other's versions or runs.
  projects: [
    { name: "demo", testIgnore: /(scoring-settings|background-work)\.spec\.ts/ },
    { name: "scoring-settings", testMatch: /scoring-settings\.spec\.ts/, dependencies: ["demo"] },
    { name: "background-work", testMatch: /background-work\.spec\.ts/, dependencies: ["scoring-settings"] },
  ],
  webServer: {
    // Builds the app, gives it a throwaway database with the demo story, and serves it with `next start`.
    command: "tsx tests/e2e/server.ts",
    url: `${BASE_URL}/login`,
    env: { E2E_PORT: String(PORT) },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
