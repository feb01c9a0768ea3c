/**
 * Turns FormData into the nested object the shared zod schemas expect:
 * `quotes.0.text` → { quotes: [{ text }] }, and `tags[]` (repeated) → { tags: [...] }.
 * Files are ignored: no form here uploads any.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== "string" || rawKey.startsWith("$ACTION")) continue;
    const isList = rawKey.endsWith("[]");
    const segments = (isList ? rawKey.slice(0, -2) : rawKey).split(".");
    let node: Record<string, unknown> = result;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (last) {
        if (isList) {
          const list = Array.isArray(node[segment]) ? (node[segment] as unknown[]) : [];
          list.push(value);
          node[segment] = list;
        } else {
          node[segment] = value;
        }
        return;
      }
      const nextIsIndex = /^\d+$/.test(segments[index + 1] ?? "");
      node[segment] ??= nextIsIndex ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  // Arrays built from indexed keys may have holes (a removed row): compact them.
  return compact(result) as Record<string, unknown>;
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  }
  return value;
}
