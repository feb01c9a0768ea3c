// npm run -s diagnose -- FILE.json [--now 2026-06-30T12:00:00Z]
// Prints the diagnosis of one account's signals (the schema in docs/scoring.md) as JSON. The file
// may also carry `now` (the evaluation time) and `history` (earlier diagnoses). Exits 2 when the
// input is invalid, saying what is wrong.
import { readFileSync } from "node:fs";
import { accountSignalsSchema, safeDiagnose } from "../lib/scoring";

const USAGE = "Usage: npm run -s diagnose -- FILE.json [--now ISO-8601 date-time]";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; now?: string } {
  let file: string | undefined;
  let now: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--now") now = argv[++i] ?? fail(`--now needs a value.\n${USAGE}`);
    else if (arg.startsWith("--now=")) now = arg.slice("--now=".length);
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`Unknown option ${arg}.\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`One file at a time.\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  return now === undefined ? { file } : { file, now };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const input = readJson(args.file);
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    fail(`${args.file} must hold one JSON object: an account's signals.`);
  }
  const { now: fileNow, history, ...signals } = input as Record<string, unknown>;
  const known = new Set(Object.keys(accountSignalsSchema.shape));
  const unknown = Object.keys(signals).filter((key) => !known.has(key));
  if (unknown.length > 0) console.error(`Ignoring unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);

  // The clock is read here, in the command, never in the library.
  const now = args.now ?? fileNow ?? new Date().toISOString();
  const result = safeDiagnose(signals, { now: now as string, history: (history ?? []) as never[] });
  if (!result.ok) {
    fail(`Invalid input in ${args.file}:\n${result.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
  console.log(JSON.stringify(result.diagnosis, null, 2));
}

main();
