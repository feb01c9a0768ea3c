import { describe, expect, it } from "vitest";
import { accountSignalsSchema } from "./input";
import { buildModel, within, asOf, DAY } from "./model";

const rating = (id: string, at: string) => ({ id, at, overall: 3, recommend: 5 });

describe("buildModel", () => {
  it("orders records by time, then id, whatever the input order", () => {
    const list = [
      rating("b", "2026-01-02T00:00:00Z"),
      rating("c", "2026-01-01T00:00:00Z"),
      rating("a", "2026-01-02T00:00:00Z"),
      rating("z", "1969-07-20T20:17:00Z"),
    ];
    const order = (ratings: typeof list) => buildModel(accountSignalsSchema.parse({ ratings })).ratings.map((r) => r.id);
    expect(order(list)).toEqual(["z", "c", "a", "b"]);
    expect(order([...list].reverse())).toEqual(["z", "c", "a", "b"]);
    expect(order(list.slice(0, 3))).toEqual(["c", "a", "b"]);
  });
});

describe("within and asOf", () => {
  const list = [1, 2, 3, 4, 5].map((d) => ({ at: d * DAY }));
  it("take the records in a window of a time-sorted list", () => {
    expect(within(list, 4 * DAY, 2)).toEqual([{ at: 3 * DAY }, { at: 4 * DAY }]);
    expect(asOf(list, 2.5 * DAY)).toEqual([{ at: DAY }, { at: 2 * DAY }]);
    expect(within(list, 0, 10)).toEqual([]);
  });
});
