import { z } from "zod";
import { SIDES } from "../scoring/enums";

// zod 4 probes for eval() (new Function) to compile fast parsers; under the app's CSP (no
// 'unsafe-eval') that probe is a reported violation in every browser that runs these schemas.
// The server keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

// Building blocks shared by the forms (in the browser) and the server (actions, route handlers).

/** Record ids are cuids; anything else cannot name a record, so it is "not found", not "invalid". */
export const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/, { error: "Unknown record" });

/** Form fields arrive as strings; an empty one means "not given". */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * Text PostgreSQL can store: it refuses a NUL character (U+0000) in text and jsonb, and a lone
 * half of a surrogate pair (a broken emoji) is not valid UTF-8 (jsonb refuses it, text turns it
 * into U+FFFD). Refused with a message rather than stripped: the writer sees what was wrong.
 */
export const storableString = (label: string, missing = `${label} is required`) =>
  z
    .string({ error: missing })
    .refine((value) => !value.includes("\u0000"), { error: `${label} contains a NUL character (\\0), which cannot be saved: remove it`, abort: true })
    .refine((value) => value.isWellFormed(), { error: `${label} contains a broken character (half of an emoji or symbol), which cannot be saved: retype it`, abort: true });

export const trimmed = (label: string, min: number, max: number) =>
  storableString(label)
    .trim()
    .min(min, { error: min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters` })
    .max(max, { error: `${label} must be at most ${max} characters` });

/**
 * A whole number from a form field ("4") or JSON (4). Nothing else converts: a blank field or
 * null is "missing", never 0, and true, [4] or "0x3" are refused rather than read as numbers.
 */
export const intInRange = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : /^\s*-?\d+\s*$/.test(value) ? Number(value) : value) : value ?? undefined),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a whole number`) })
      .int({ error: `${label} must be a whole number` })
      .min(min, { error: `${label} must be between ${min} and ${max}` })
      .max(max, { error: `${label} must be between ${min} and ${max}` }),
  );

export const sideSchema = z.enum(SIDES, { error: "Choose who: the business or IT" });

/** Optional free text: blank is "", never missing. */
export const optionalText = (label: string, max: number) =>
  z.preprocess(blankToUndefined, storableString(label).trim().max(max, { error: `${label} must be at most ${max.toLocaleString("en")} characters` }).default(""));

/** A whole number that may be left blank (null). */
export const optionalInt = (label: string, min: number, max: number) => z.preprocess(blankToNull, intInRange(label, min, max).nullable());

const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

/** "yes" / "no" / "" (unknown: null) from a select or a file, or a boolean or null from JSON. */
export const yesNoUnknown = (message: string) =>
  z.preprocess((value) => (value === "yes" ? true : value === "no" ? false : value === "" || value === undefined ? null : value), z.boolean({ error: message }).nullable());

/** A checkbox: present ("on", "true") is true; absent is false. JSON may send booleans. */
export const checkbox = z.preprocess(
  (value) => (value === "on" || value === "true" ? true : value === undefined || value === "" || value === "false" ? false : value),
  z.boolean({ error: "Expected yes or no" }),
);

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const inYears = (date: Date) => date.getUTCFullYear() >= MIN_YEAR && date.getUTCFullYear() <= MAX_YEAR;

/**
 * A calendar date, "YYYY-MM-DD" (what <input type="date"> sends), as midnight UTC. Only real dates
 * between 2000 and 2100: "2026-02-30", "0" or "$1" are refused, not rolled over or guessed.
 */
export const dateOnly = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .pipe(z.iso.date({ error: `Enter ${label} as a date (YYYY-MM-DD)` }))
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine(inYears, { error: `Enter ${label} between ${MIN_YEAR} and ${MAX_YEAR}` });

/** A calendar date that may be left blank (null). */
export const optionalDateOnly = (label: string) => z.preprocess(blankToNull, dateOnly(label).nullable());

/** An instant with its offset ("2026-03-01T09:30:00Z" or "+01:00"), as the forms send the browser's time. */
export const dateTime = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .pipe(z.iso.datetime({ offset: true, local: false, error: `Enter ${label} as a date and time` }))
    .transform((value) => new Date(value))
    .refine(inYears, { error: `Enter ${label} between ${MIN_YEAR} and ${MAX_YEAR}` });

export const optionalDateTime = (label: string) => z.preprocess(blankToNull, dateTime(label).nullable());

/** An amount of money: "12000", "12,000.50" or a JSON number; at most two decimals, never negative. */
export const money = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,3}(,?\d{3})*(\.\d{1,2})?\s*$/.test(value) ? Number(value.replaceAll(",", "")) : blankToNull(value)),
    z
      .number({ error: `${label} must be an amount such as 12,000 or 12000.50` })
      .min(0, { error: `${label} cannot be negative` })
      .max(1e12, { error: `${label} is too large` })
      .refine((n) => Math.round(n * 100) === n * 100, { error: `${label} has at most two decimals` })
      .nullable(),
  );

/** A percentage from 0 to 100 with up to three decimals ("99.95"). */
export const percent = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : /^\s*\d{1,3}(\.\d{1,3})?\s*%?\s*$/.test(value) ? Number(value.replace("%", "")) : value) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a percentage such as 99.9`) })
      .min(0, { error: `${label} must be between 0 and 100` })
      .max(100, { error: `${label} must be between 0 and 100` }),
  );

/** A reason for deleting a record: kept in the audit log. */
export const deleteReasonSchema = trimmed("The reason", 3, 500);

/** A day ahead of UTC is allowed: it is already tomorrow east of Greenwich. */
const notYetHappened = (date: Date) => date.getTime() > Date.now() + 86_400_000;

/** A calendar date that has come (what happened, was counted, known or told), never a future one. */
export const pastDateOnly = (label: string) =>
  dateOnly(label).refine((date) => !notYetHappened(date), { error: `Enter ${label} once it has happened: this date is in the future` });

export const optionalPastDateOnly = (label: string) => z.preprocess(blankToNull, pastDateOnly(label).nullable());
