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

/** "Name <address>" or a bare address: what goes in the From header of every email. */
const mailFromSchema = z
  .string()
  .trim()
  .refine((value) => parseMailbox(value) !== null, {
    error: 'MAIL_FROM must be an address or "Name <address>", e.g. Rapport <rapport@example.org>',
  });

/** `Name <local@domain>` or `local@domain`; null when it is neither. */
export function parseMailbox(value: string): { name: string; address: string } | null {
  const address = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(value.trim());
  if (named) {
    const [, rawName = "", mailbox = ""] = named;
    const name = rawName.replace(/^"(.*)"$/, "$1").trim();
    return address.test(mailbox) && !/[\r\n<>]/.test(name) ? { name, address: mailbox } : null;
  }
  return address.test(value.trim()) ? { name: "", address: value.trim() } : null;
}

const urlSchema = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: `${name} must be an http:// or https:// URL, e.g. https://rapport.example.org`,
    })
    .transform((value) => value.replace(/\/+$/, ""));

const wholeNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from ${min} to ${max}` })
    .int({ error: `${name} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${name} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${name} must be a whole number from ${min} to ${max}` });

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
  /** The site's address as users reach it (next-auth's). */
  NEXTAUTH_URL: optional(urlSchema("NEXTAUTH_URL")),
  /** The address links in emails start with; defaults to NEXTAUTH_URL, then http://localhost:3000 (see publicUrl()). */
  PUBLIC_URL: optional(urlSchema("PUBLIC_URL")),
  /** Unset: emails go to the development mailbox (/admin/mailbox) instead of an SMTP server. */
  SMTP_HOST: optional(z.string().trim().min(1)),
  SMTP_PORT: optional(
    z.coerce.number({ error: "SMTP_PORT must be a port number (1-65535), e.g. 587" }).int({ error: "SMTP_PORT must be a whole number, e.g. 587" }).min(1, { error: "SMTP_PORT must be between 1 and 65535" }).max(65535, { error: "SMTP_PORT must be between 1 and 65535" }),
  ),
  /** "true": TLS from the start (usually port 465); "false": plain, upgraded by STARTTLS when the server offers it. */
  SMTP_SECURE: optional(z.enum(["true", "false"], { error: 'SMTP_SECURE must be "true" or "false"' }).transform((value) => value === "true")),
  SMTP_USER: optional(z.string().min(1)),
  SMTP_PASSWORD: optional(z.string().min(1)),
  MAIL_FROM: orDefault(mailFromSchema.default("Rapport <rapport@localhost>")),
  /** Reverse proxies in front of the app that append to X-Forwarded-For; 0: none, the header is ignored (lib/http/client-ip.ts). */
  TRUST_PROXY_HOPS: orDefault(wholeNumber("TRUST_PROXY_HOPS", 0, 10).default(0)),
  /** A session's absolute lifetime in hours: no use extends it (docs/decisions/012-sessions-and-sign-in-throttling.md). */
  SESSION_MAX_HOURS: orDefault(wholeNumber("SESSION_MAX_HOURS", 1, 168).default(12)),
  /** A session unused for this many minutes ends. */
  SESSION_IDLE_MINUTES: orDefault(wholeNumber("SESSION_IDLE_MINUTES", 5, 24 * 60).default(30)),
  /**
   * "true": webhooks may be sent to loopback, private and link-local addresses (a receiver on this
   * machine or the internal network; the tests). Default "false": refused, so an admin cannot make
   * the server probe its own network (decision 030).
   */
  WEBHOOKS_ALLOW_PRIVATE_URLS: orDefault(z.enum(["true", "false"], { error: 'WEBHOOKS_ALLOW_PRIVATE_URLS must be "true" or "false"' }).default("false")).transform((value) => value === "true"),
}).superRefine((value, context) => {
  if (value.SMTP_PASSWORD && !value.SMTP_USER) context.addIssue({ code: "custom", path: ["SMTP_USER"], message: "SMTP_USER is required when SMTP_PASSWORD is set" });
  if (value.SMTP_USER && !value.SMTP_PASSWORD) context.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "SMTP_PASSWORD is required when SMTP_USER is set" });
  if (!value.SMTP_HOST && (value.SMTP_PORT || value.SMTP_USER)) {
    context.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "SMTP_HOST is required when SMTP_PORT or SMTP_USER is set (unset them all to use the development mailbox)" });
  }
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

/** Where links in emails point: PUBLIC_URL, else NEXTAUTH_URL, else http://localhost:3000 (no trailing slash). */
export function publicUrl(): string {
  const { PUBLIC_URL, NEXTAUTH_URL } = env();
  return PUBLIC_URL ?? NEXTAUTH_URL ?? "http://localhost:3000";
}

/** Tests change the environment between suites. */
export function resetEnvCache(): void {
  cached = undefined;
}
