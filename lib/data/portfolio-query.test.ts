import { describe, expect, it } from "vitest";
import { ignoredPortfolioParams, parsePortfolioQuery } from "./portfolio-query";

describe("a portfolio view's address", () => {
  it("names each parameter it ignored, with the value given, and keeps the valid ones", () => {
    const params = new URLSearchParams("stage=SICK&sort=name&page=x&size=500&criticality=HIGH&q=fin");
    expect(ignoredPortfolioParams(params)).toEqual([
      { label: "stage", value: "SICK" },
      { label: "page", value: "x" },
      { label: "page size", value: "500" },
    ]);
    const query = parsePortfolioQuery(params);
    expect(query).toMatchObject({ stage: undefined, sort: "name", page: 1, size: 25, criticality: "HIGH", q: "fin" });
  });

  it("ignores nothing when every value is valid or absent", () => {
    expect(ignoredPortfolioParams({ stage: "FLU", sort: "score", dir: "desc", page: "2", owner: "me", q: "" })).toEqual([]);
    expect(ignoredPortfolioParams()).toEqual([]);
  });
});
