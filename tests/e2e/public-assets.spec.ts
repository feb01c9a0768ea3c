import { expect, test } from "./fixtures";

test("the favicon, app icons and web manifest are served and linked from every page", async ({ page, request }) => {
  await page.goto("/login");
  const head = page.locator("head");
  await expect(head.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(head.locator('link[rel="apple-touch-icon"][href^="/apple-touch-icon.png"]')).toHaveCount(1);
  await expect(head.locator('link[rel="manifest"][href^="/manifest.webmanifest"]')).toHaveCount(1);

  for (const [path, type] of [["/favicon.ico", /icon/], ["/icon.svg", /svg/], ["/apple-touch-icon.png", /png/], ["/icon-192.png", /png/], ["/icon-512.png", /png/]] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { name: string; icons: { src: string }[] };
  expect(manifest.name).toBe("Rapport");
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
