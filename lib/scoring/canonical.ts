import type { z } from "zod";

// Validation without a copy. zod builds a new object for every record it checks; for input that
// is already in the form zod returns (Dates as Dates, every default present), that copy is most
// of the cost. `canonicalCheck(schema)` derives from the zod schema itself a predicate that says,
// without allocating, whether `schema.parse(value)` would succeed and return `value`'s own data
// unchanged; callers use `value` then, and hand anything else to zod, which normalises it or
// reports what is wrong. Keys the schema does not name are ignored, as by a loose object: parse
// drops them, this leaves them in place, and nothing downstream reads them. So zod stays the one
// definition of valid input, and this only reads it: a schema feature it does not know fails
// when the predicate is built, never silently.

export type Check = (value: unknown) => boolean;

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type CheckDef = { check: string; minimum?: number; value?: number; inclusive?: boolean; format?: string };

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as Def;

/**
 * Schemas this module cannot read (a preprocess, a transform), each with the schema its canonical
 * input must meet: a preprocess that turns ISO strings into Dates, then z.date(), reads as z.date().
 */
export interface CanonicalOptions {
  readAs?: ReadonlyMap<z.core.$ZodType, z.core.$ZodType>;
}

export function canonicalCheck(schema: z.core.$ZodType, options: CanonicalOptions = {}): Check {
  // Generated as source, one function per object schema, like zod's own JIT: a tree of closures
  // costs a megamorphic call per field and was slower than zod's copy.
  const readAs = options.readAs ?? new Map<z.core.$ZodType, z.core.$ZodType>();
  const functions: string[] = [];
  const objects = new Map<z.core.$ZodType, string>();

  /** A boolean expression saying that `v` (a variable name) is canonical for `node`. */
  const test = (node: z.core.$ZodType, v: string, path: string): string => {
    const substitute = readAs.get(node);
    if (substitute) return test(substitute, v, path);
    const def = defOf(node);
    expectOnly(def, path);
    // A format schema (z.int(), z.email()) is itself a check; others carry theirs in `checks`.
    const own = def.check ? [checkOf(def as unknown as CheckDef, v, path)] : [];
    const checks = ((def.checks ?? []) as { _zod: { def: CheckDef } }[]).map((c) => checkOf(c._zod.def, v, path));
    return [baseOf(node, def, v, path), ...own, ...checks].join(" && ");
  };

  const baseOf = (node: z.core.$ZodType, def: Def, v: string, path: string): string => {
    switch (def.type) {
      case "string":
        return `typeof ${v} === "string"`;
      case "number":
        // zod 4 rejects NaN and ±Infinity.
        return `typeof ${v} === "number" && Number.isFinite(${v})`;
      case "boolean":
        return `typeof ${v} === "boolean"`;
      case "date":
        return `${v} instanceof Date && !Number.isNaN(${v}.getTime())`;
      case "enum":
        return oneOf(Object.values(def.entries as Record<string, unknown>), v);
      case "literal":
        return oneOf(def.values as unknown[], v);
      case "optional":
        return `(${v} === undefined || ${test(def.innerType as z.core.$ZodType, v, path)})`;
      case "nullable":
        return `(${v} === null || ${test(def.innerType as z.core.$ZodType, v, path)})`;
      case "default":
        // Absent: zod would fill in the default, so the value is not what zod returns.
        return `(${v} !== undefined && ${test(def.innerType as z.core.$ZodType, v, path)})`;
      case "array":
        return `${fn(def.element as z.core.$ZodType, `${path}[]`, "array")}(${v})`;
      case "object":
        return `${fn(node, path, "object")}(${v})`;
      default:
        throw new Error(`canonicalCheck: ${path || "(root)"} is a ${def.type}; say what to read it as in options.readAs`);
    }
  };

  /** The name of a generated function checking an object, or an array of `node`. */
  const fn = (node: z.core.$ZodType, path: string, kind: "object" | "array"): string => {
    const cached = kind === "object" ? objects.get(node) : undefined;
    if (cached) return cached;
    const index = functions.push("") - 1;
    if (kind === "object") objects.set(node, `f${index}`);
    functions[index] = kind === "object" ? objectSource(node, `f${index}`, path) : arraySource(node, `f${index}`, path);
    return `f${index}`;
  };

  const arraySource = (element: z.core.$ZodType, name: string, path: string) =>
    `function ${name}(a) {
      if (!Array.isArray(a)) return false;
      for (let i = 0; i < a.length; i++) { const e = a[i]; if (!(${test(element, "e", path)})) return false; }
      return true;
    }`;

  const objectSource = (node: z.core.$ZodType, name: string, path: string) => {
    const def = defOf(node);
    const shape = def.shape as Record<string, z.core.$ZodType>;
    const keys = Object.keys(shape);
    const fields = keys.map((key, i) => {
      const variable = `x${i}`;
      return `const ${variable} = o[${JSON.stringify(key)}]; if (!(${test(shape[key]!, variable, path ? `${path}.${key}` : key)})) return false;`;
    });
    return `function ${name}(o) {
      if (typeof o !== "object" || o === null || Array.isArray(o) || o instanceof Date) return false;
      ${fields.join("\n      ")}
      return true;
    }`;
  };

  const root = test(schema, "value", "");
  const source = `${functions.join("\n")}\nreturn function canonical(value) { return ${root}; };`;
  // Compiled on first use, not when the module loads: browsers load this module too (client forms
  // share lib/scoring's enums and schemas) and the app's CSP forbids eval there, where nothing
  // validates signals anyway.
  let compiled: Check | undefined;
  return (value) => (compiled ??= new Function(source)() as Check)(value);
}

// What each type's definition may hold for this module to read it fully; anything else (a coercion,
// a pattern, a catchall) means zod does something this does not, so building fails.
const READS: Record<string, readonly string[]> = {
  string: [],
  number: ["check", "format", "abort"],
  boolean: [],
  date: [],
  enum: ["entries"],
  literal: ["values"],
  optional: ["innerType"],
  nullable: ["innerType"],
  default: ["innerType", "defaultValue"],
  array: ["element"],
  object: ["shape"],
};

function expectOnly(def: Def, path: string): void {
  const reads = READS[def.type];
  if (!reads) return; // baseOf names the type it cannot read
  for (const [key, value] of Object.entries(def)) {
    if (value === undefined || key === "type" || key === "checks" || key === "error" || reads.includes(key)) continue;
    throw new Error(`canonicalCheck: ${path || "(root)"} (${def.type}) has "${key}"; teach canonical.ts to read it`);
  }
}

/** Inline comparisons: a Set lookup is a call the optimiser does not inline. */
function oneOf(values: readonly unknown[], v: string): string {
  if (!values.every((value) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value)))) {
    throw new Error(`canonicalCheck: only string and number literals are read, not ${values.map(String).join(", ")}`);
  }
  return `(${values.map((value) => `${v} === ${JSON.stringify(value)}`).join(" || ")})`;
}

function checkOf(def: CheckDef, v: string, path: string): string {
  switch (def.check) {
    case "min_length":
      return `${v}.length >= ${Number(def.minimum)}`;
    case "greater_than":
      return `${v} ${def.inclusive ? ">=" : ">"} ${Number(def.value)}`;
    case "less_than":
      return `${v} ${def.inclusive ? "<=" : "<"} ${Number(def.value)}`;
    case "number_format":
      if (def.format === "safeint") return `Number.isSafeInteger(${v})`;
      break;
  }
  throw new Error(`canonicalCheck: ${path || "(root)"} has a ${def.check}${def.format ? ` (${def.format})` : ""} check; teach canonical.ts to read it`);
}
