import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

// Shared by the browser (Conform's onValidate) and the server (formAction), so both read a form
// the same way.

/** A field name: plain identifiers joined by dots, row indexes up to 99 in brackets, `[]` last. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}(?:\.[A-Za-z][A-Za-z0-9_]{0,63}|\[\d{1,2}\])*(?:\[\])?$/;
const RESERVED = /(?:^|\.)(?:constructor|prototype)(?=\.|\[|$)/;
const INTENT = "__intent__";
const LIST_INTENTS = new Set(["validate", "insert", "remove", "reorder", "reset"]);

export const isFieldName = (name: string) => FIELD_NAME.test(name) && !RESERVED.test(name);

const isRowIndex = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 99);

/** A Conform intent (a button that adds or removes a row) that names a real field and a small index. */
function isSafeIntent(serialized: string): boolean {
  try {
    const intent = JSON.parse(serialized) as { type?: unknown; payload?: Record<string, unknown> };
    const payload = intent.payload;
    if (typeof intent.type !== "string" || !LIST_INTENTS.has(intent.type) || !payload || typeof payload !== "object") return false;
    const name = payload.name;
    return (name === undefined || (typeof name === "string" && isFieldName(name))) && [payload.index, payload.from, payload.to].every(isRowIndex);
  } catch {
    return false;
  }
}

/**
 * Anyone signed in can post any field names, so only plain names and row indexes up to 99 pass
 * (no `__proto__`, no 4-billion-slot arrays), intents only when they name such a field, and
 * strings only (no files). Everything else is dropped before Conform builds the object.
 */
export function safeFormData(formData: FormData): FormData {
  const safe = new FormData();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (name === INTENT ? isSafeIntent(value) : isFieldName(name)) safe.append(name, value);
  }
  return safe;
}

/**
 * Parses a submitted form with its shared zod schema. Conform's automatic coercion is off: the
 * schemas in lib/validation already read form strings (blank → missing, digits only → numbers)
 * and serve the JSON API too, so a form accepts exactly what the API accepts.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(safeFormData(formData), { schema, disableAutoCoercion: true });
}
