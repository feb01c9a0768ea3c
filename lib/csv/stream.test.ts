import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { keysetRows } from "./keyset";
import { csvFilename, csvStream } from "./stream";

const columns = [
  { header: "n", value: (row: { n: number; text: string }) => row.n },
  { header: "text", value: (row: { n: number; text: string }) => row.text },
];

async function* count(to: number, reads: { n: number }) {
  for (let n = 1; n <= to; n++) {
    reads.n = n;
    yield { n, text: n % 7 === 0 ? `=cmd|"${n}",\n` : `row ${n}` };
  }
}

describe("a streamed CSV file", () => {
  it("round-trips through a CSV parser, header first, with an optional BOM", async () => {
    const bytes = new Uint8Array(await new Response(csvStream(columns, count(50, { n: 0 }), { bom: true })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(new TextDecoder().decode(bytes), { columns: true, bom: true }) as { n: string; text: string }[];
    expect(records).toHaveLength(50);
    expect(records[6]).toEqual({ n: "7", text: `'=cmd|"7",\n` });
    await expect(new Response(csvStream(columns, count(0, { n: 0 }))).text()).resolves.toBe("n,text\r\n");
  });

  it("sends its first chunk long before the source is read to the end, and reads on only as it is taken", async () => {
    const reads = { n: 0 };
    const reader = csvStream(columns, count(200_000, reads)).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith("n,text\r\n")).toBe(true);
    // One chunk sent, at most one queued: a few thousand rows read of 200,000.
    expect(reads.n).toBeLessThan(20_000);
    await reader.cancel();
  });

  it("ends with an error, not a file that looks complete, when reading fails midway", async () => {
    async function* failing() {
      yield { n: 1, text: "a" };
      throw new Error("connection lost");
    }
    const errors: unknown[] = [];
    await expect(new Response(csvStream(columns, failing(), { onError: (error) => errors.push(error) })).text()).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });

  it("names its file safely", () => {
    expect(csvFilename("Finance & Ops", "ratings")).toBe("Finance-Ops-ratings.csv");
    expect(csvFilename('"; evil\r\n')).toBe("evil.csv");
    expect(csvFilename("")).toBe("export.csv");
  });
});

describe("keyset batches", () => {
  it("asks for each batch after the last row of the one before, and stops at a short batch", async () => {
    const table = Array.from({ length: 2500 }, (_, i) => ({ id: i }));
    const asked: (number | null)[] = [];
    const rows: number[] = [];
    for await (const row of keysetRows(async (after: { id: number } | null, take) => {
      asked.push(after?.id ?? null);
      const from = after ? after.id + 1 : 0;
      return table.slice(from, from + take);
    }, 1000)) rows.push(row.id);
    expect(rows).toEqual(table.map((row) => row.id));
    expect(asked).toEqual([null, 999, 1999]);
  });
});
