/** A field name segment: a plain identifier, or a row index of a repeated group. */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const INDEX = /^\d{1,2}$/;
const RESERVED = new Set(["constructor", "prototype"]);
const isName = (segment: string) => NAME.test(segment) && !RESERVED.has(segment);

/**
 * Turns FormData into the nested object the shared zod schemas expect:
 * `quotes.0.text` → { quotes: [{ text }] }, and `tags[]` (repeated) → { tags: [...] }.
 * Anyone signed in can post any field names, so only plain names and row indexes up to 99 are
 * followed (no `__proto__`, no 4-billion-slot arrays); other fields are ignored, as are files.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const isList = rawKey.endsWith("[]");
    const segments = (isList ? rawKey.slice(0, -2) : rawKey).split(".");
    if (!isName(segments[0] ?? "") || !segments.every((s) => isName(s) || INDEX.test(s))) continue;
    setPath(result, segments, value, isList);
  }
  // Arrays built from indexed keys may have holes (a removed row): compact them.
  return compact(result) as Record<string, unknown>;
}

/** Sets `value` at `segments`; a path that runs into a value already set (`a=1&a.b=2`) is dropped. */
function setPath(root: Record<string, unknown>, segments: string[], value: string, isList: boolean): void {
  let node = root;
  for (const [index, segment] of segments.slice(0, -1).entries()) {
    if (!Object.hasOwn(node, segment)) node[segment] = INDEX.test(segments[index + 1] ?? "") ? [] : {};
    const next = node[segment];
    if (typeof next !== "object" || next === null) return;
    node = next as Record<string, unknown>;
  }
  const last = segments.at(-1) as string;
  if (!isList) {
    node[last] = value;
    return;
  }
  const list = Array.isArray(node[last]) ? (node[last] as unknown[]) : [];
  list.push(value);
  node[last] = list;
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  }
  return value;
}
