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

/** An integer score; a blank field is "missing", never coerced to 0. */
export const intInRange = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${label} is required` })
      .int({ error: `${label} must be a whole number` })
      .min(min, { error: `${label} must be between ${min} and ${max}` })
      .max(max, { error: `${label} must be between ${min} and ${max}` }),
  );

export const sideSchema = z.enum(SIDES, { error: "Choose who: the business or IT" });
