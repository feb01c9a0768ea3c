import fc from "fast-check";

// Hostile input for the fuzz suites (tests/integration/fuzz-*.test.ts): what a browser, a script
// or an attacker can put in a form field or a JSON body. Fixed cases that have broken apps like
// this one, mixed with generated ones.

/** One seed for every fuzz run, so CI is reproducible; FUZZ_SEED replays another. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/** How many inputs per action or route; FUZZ_RUNS raises it for a longer hunt. */
export const runsPer = (base: number) => Math.max(1, Math.round(base * Number(process.env.FUZZ_RUNS_FACTOR ?? 1)));

const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "Quarterly\u0000 review",
  "\uD800",
  "half \uDBFF emoji",
  "\uDFFF\uD800",
  "\u202Eevil",
  "\uFEFF",
  "😀".repeat(50),
  "x".repeat(200_000),
  "0",
  "-0",
  "$1",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "9".repeat(400),
  "0x1F",
  "1_000",
  "4.5",
  "-1",
  "2147483648",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "__proto__",
  "constructor",
  "prototype",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "1969-12-31",
  "9999-12-31",
  "275760-09-13",
  "2026-02-28T25:61:00Z",
  "2026-03-01T09:30:00+25:00",
  "1700000000000",
  "yesterday",
  "' OR 1=1 --",
  "'; DROP TABLE accounts; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "%ZZ",
  "c".repeat(25),
  "c".repeat(5_000),
  "CAPITALIDAAAAAAAAAAAAAAAA",
  "\r\n\r\nSet-Cookie: x=1",
] as const;

/** Numbers as their text, including the ones JSON cannot carry. */
const numberText = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom("NaN", "Infinity", "-0", "1e-400"));

/** A form field's value: any string a client can send. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: numberText },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString())) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** Field names beyond the form's own: prototype pollution, deep paths, huge row indexes. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "__proto__.admin", "constructor.prototype.role", "quotes[0].__proto__", "followUps[100].dueDate", "a[99999]", "x".repeat(300), "role", "accountId", "id", "$where", "__intent__"),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
);

export type FormValue = string | string[] | File;

/** A value in a field: a string, a list where one value goes, or a file where text goes. */
export const hostileFormValue: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "x.bin", { type: "application/octet-stream" })) },
);

/** A JSON value as a route handler receives it (JSON.parse keeps lone surrogates written as \\uD800). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.constantFrom("overall", "recommend", "comment", "idempotencyKey", "trust")), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** Text that database errors and stack traces are made of: none of it may reach a caller. */
export const LEAK_PATTERNS: readonly RegExp[] = [/prisma/i, /SQLSTATE/, /violates/i, /invalid input syntax/i, /\bat \//, /node_modules/, /\bP\d{4}\b/, /unique constraint/i, /stack/i, /TypeError|ReferenceError|RangeError/];

export const leakedInternals = (text: string) => LEAK_PATTERNS.filter((pattern) => pattern.test(text)).map(String);
