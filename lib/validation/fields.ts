import { z } from "zod";
import { SIDES } from "../scoring/enums";

// Building blocks shared by the forms (in the browser) and the server (actions, route handlers).

/** Record ids are cuids; anything else cannot name a record, so it is "not found", not "invalid". */
export const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/, { error: "Unknown record" });

/** Form fields arrive as strings; an empty one means "not given". */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const trimmed = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
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
