import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byTime } from "./sort-by-time";

const reference = (list: { at: number; id: string }[]) =>
  [...list].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe("byTime", () => {
  it("orders by time then id, like a plain comparator sort, ties and all", () => {
    const record = fc.record({ at: fc.integer({ min: -5, max: 5 }).map((d) => 1.7e12 + d * 1000), id: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 60 }), (list) => {
        expect(byTime([...list])).toEqual(reference(list));
      }),
    );
  });

  it("orders long runs of one time by id as well as short ones", () => {
    const list = Array.from({ length: 40 }, (_, i) => ({ at: 1.7e12 + (i % 3 === 0 ? 0 : i), id: `r${(i * 17) % 40}` }));
    expect(byTime([...list].reverse())).toEqual(reference(list));
    const one = list.map((r) => ({ ...r, at: 1.7e12 }));
    expect(byTime([...one].reverse())).toEqual(reference(one));
  });

  it("falls back to a comparator sort for times it cannot pack", () => {
    const list = [
      { at: -1000, id: "b" },
      { at: -2000, id: "a" },
    ];
    expect(byTime([...list])).toEqual(reference(list));
  });
});
