import { describe, expect, it } from "vitest";
import { actions, pages, routes } from "../inventory";
import { actionsOnDisk, pagesOnDisk, routesOnDisk } from "../support/authz/surfaces-on-disk";

// A page, server action or route handler added without a row in tests/inventory.ts (saying who
// may use it) fails here, so the authorization matrix always covers everything the app serves.
describe("the inventory of pages, actions and routes", () => {
  it("lists every page on disk, and nothing else", () => {
    expect(pages.map((row) => row.file).sort()).toEqual(pagesOnDisk());
  });

  it("lists every exported server action of every \"use server\" module, and nothing else", () => {
    const key = (row: { file: string; name: string }) => `${row.file}#${row.name}`;
    expect(actions.map(key).sort()).toEqual(actionsOnDisk().map(key).sort());
  });

  it("lists every route handler with each method it exports, and nothing else", () => {
    const listed = routes.map((row) => ({ file: row.file, methods: [...row.methods].sort() })).sort((a, b) => a.file.localeCompare(b.file));
    expect(listed).toEqual(routesOnDisk());
  });
});
