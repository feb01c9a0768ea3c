import cronParser from "cron-parser";
import { z } from "zod";

// Empty variables (FOO= in a .env file) mean "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * Five fields, minute to day of week: pg-boss checks its schedules about once a minute, so a
 * seconds field would promise what it cannot keep.
 */
const cronSchema = z
  .string()
  .trim()
  .refine((value) => value.split(/\s+/).length === 5, { error: "must have five fields (minute hour day month weekday), e.g. 0 3 * * *" })
  .refine(
    (value) => {
      try {
        cronParser.parseExpression(value, { tz: "UTC" });
        return true;
      } catch {
        return false;
      }
    },
    { error: "is not a valid cron expression" },
  );

// Unset or empty: the default.
const orDefault = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, {
      error: "DATABASE_URL must be a postgresql:// connection URL, or unset to use the embedded database",
    }),
  ),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  NEXTAUTH_SECRET: optional(z.string().min(16, { error: "NEXTAUTH_SECRET must be at least 16 characters" })),
  /** "off": this process runs no scheduled or queued jobs (scripts, a web-only instance). */
  RAPPORT_JOBS: orDefault(z.enum(["on", "off"]).default("on")),
  /** When every account is re-diagnosed, in UTC (docs/decisions/007-scheduled-rescoring.md). */
  RESCORE_CRON: orDefault(cronSchema.default("0 3 * * *")),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed lazily so `next build` can run without a configured environment. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between suites. */
export function resetEnvCache(): void {
  cached = undefined;
}
