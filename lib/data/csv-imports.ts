import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { type CsvImportStatus, Prisma, type PrismaClient } from "../generated/prisma/client";
import { MAX_FILE_BYTES, MAX_ROWS } from "../import/csv-file";
import { type ColumnMapping, type CsvImportKind, guessMapping, IMPORT_FIELDS, mappingProblems } from "../import/records/fields";
import { type ImportContext, readImportRows } from "../import/records/rows";
import { type BadRow, readCsvTable } from "../import/table";
import { decodeCsvText } from "../import/text";
import { enqueueJob } from "../jobs";
import { idSchema } from "../validation/fields";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type ImportCounts, type ImportedUnit, planImport, writeImport } from "./csv-import-write";
import { accountAccess, type Actor, managesAccounts } from "./permissions";
import { seesTaskRuns } from "./task-runs";

// CSV imports of units, contacts and interactions (decision 034): a file is staged as uploaded,
// its columns mapped and every row checked (nothing written), then imported by the "import-csv"
// job in one transaction, with its progress in the csv_imports row for any app instance to show.

export type { ColumnMapping, CsvImportKind, ImportCounts, ImportedUnit };
export type { CsvImportStatus };

export interface CsvImportView {
  id: string;
  kind: CsvImportKind;
  status: CsvImportStatus;
  fileName: string;
  headers: string[];
  /** The first rows of the file, cells aligned with the headers. */
  sample: string[][];
  mapping: ColumnMapping;
  rowCount: number;
  done: number;
  total: number | null;
  /** The counts, and the units written to (none when nothing changed). */
  result: (ImportCounts & { units: ImportedUnit[] }) | null;
  error: string | null;
  createdByName: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type CsvImportPreview =
  | { ok: true; rowCount: number; counts: ImportCounts }
  | { ok: false; rowCount: number; mappingErrors: string[]; badRows: BadRow[] };

const SAMPLE_ROWS = 5;

/** Who may import at all: IT's people; units only the CIO and administrators (who create them). */
export function mayImport(actor: Actor, kind?: CsvImportKind): boolean {
  if (actor.role === "CLIENT") return false;
  return kind === "ACCOUNTS" ? managesAccounts(actor) : true;
}

/** Reads the file and stores it with a guessed mapping; nothing else is written. */
export async function stageCsvImport(
  actor: Actor,
  input: { kind: CsvImportKind; fileName: string; bytes: Uint8Array },
): Promise<{ ok: true; id: string } | { ok: false; fileError: string }> {
  if (!mayImport(actor, input.kind)) throw new ForbiddenError(input.kind === "ACCOUNTS" ? "Only the CIO and administrators import business units." : "Only IT's people import records.");
  if (input.bytes.length > MAX_FILE_BYTES) return { ok: false, fileError: `The file is larger than ${MAX_FILE_BYTES / 1_000_000} MB: split it and upload each part.` };
  const decoded = decodeCsvText(input.bytes);
  if ("error" in decoded) return { ok: false, fileError: decoded.error };
  if (decoded.text.trim() === "") return { ok: false, fileError: "The file is empty: export it again and upload that file." };
  const table = readCsvTable(decoded.text);
  if ("error" in table) return { ok: false, fileError: table.error };
  if (table.rows.length === 0) return { ok: false, fileError: "The file has a header but no rows." };
  if (table.rows.length > MAX_ROWS) return { ok: false, fileError: `The file has ${table.rows.length.toLocaleString("en")} rows; at most ${MAX_ROWS.toLocaleString("en")} are read at once: split it.` };
  const headers = table.header.cells.map((cell, i) => cell || `Column ${i + 1}`);
  const row = await db().csvImport.create({
    data: {
      kind: input.kind,
      fileName: input.fileName.slice(0, 200),
      content: decoded.text,
      headers,
      mapping: guessMapping(input.kind, headers),
      rowCount: table.rows.length,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { ok: true, id: row.id };
}

const viewSelect = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  headers: true,
  mapping: true,
  rowCount: true,
  done: true,
  total: true,
  result: true,
  error: true,
  createdById: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.CsvImportSelect;

type Row = Prisma.CsvImportGetPayload<{ select: typeof viewSelect }>;

function toView({ createdBy, createdById: _by, headers, mapping, result, ...row }: Row, sample: string[][] = []): CsvImportView {
  return {
    ...row,
    headers: headers as string[],
    mapping: mapping as ColumnMapping,
    result: result ? { units: [], ...(result as unknown as ImportCounts & { units?: ImportedUnit[] }) } : null,
    sample,
    createdByName: createdBy.name,
  };
}

/** The person who uploaded it, and the CIO and administrators; for anyone else it does not exist. */
async function findVisible<T extends { createdById: string }>(actor: Actor, id: string, find: (id: string) => Promise<T | null>): Promise<T> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success || actor.role === "CLIENT") throw new NotFoundError("import");
  const row = await find(parsed.data);
  if (!row || (row.createdById !== actor.id && !seesTaskRuns(actor))) throw new NotFoundError("import");
  return row;
}

const visibleImport = (actor: Actor, id: string) => findVisible(actor, id, (key) => db().csvImport.findUnique({ where: { id: key }, select: { ...viewSelect, content: true } }));

export async function getCsvImport(actor: Actor, id: string): Promise<CsvImportView> {
  const { content, ...row } = await visibleImport(actor, id);
  const table = readCsvTable(content);
  return toView(row, "error" in table ? [] : table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells));
}

/** Where an import stands, for the progress bar's poll every second: the file is not read again. */
export async function getCsvImportProgress(actor: Actor, id: string): Promise<Pick<CsvImportView, "status" | "done" | "total" | "result" | "error">> {
  const row = await findVisible(actor, id, (key) => db().csvImport.findUnique({ where: { id: key }, select: viewSelect }));
  const { status, done, total, result, error } = toView(row);
  return { status, done, total, result, error };
}

/** The caller's recent imports (the CIO's and administrators': everyone's), newest first. */
export async function listCsvImports(actor: Actor, limit = 10): Promise<CsvImportView[]> {
  if (actor.role === "CLIENT") return [];
  const rows = await db().csvImport.findMany({
    where: seesTaskRuns(actor) ? {} : { createdById: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: viewSelect,
  });
  return rows.map((row) => toView(row));
}

/** A field key → column index (or null), for the kind's fields only. */
const mappingSchema = (kind: CsvImportKind) =>
  z.object(Object.fromEntries(IMPORT_FIELDS[kind].map((field) => [field.key, z.number().int().min(0).max(10_000).nullable().default(null)]))).strict();

/** Staged or failed: the mapping may still change and the import may (re)start. */
const OPEN: CsvImportStatus[] = ["STAGED", "FAILED"];

/** Saves the mapping and checks every row against it and the database; nothing else is written. */
export async function previewCsvImport(actor: Actor, id: string, mapping: ColumnMapping): Promise<CsvImportPreview> {
  const row = await visibleImport(actor, id);
  if (!OPEN.includes(row.status)) throw new InputConflictError("This import has already started.");
  const parsed = mappingSchema(row.kind).safeParse(mapping);
  if (!parsed.success) throw new InputConflictError("Choose a column (or “Not imported”) for each field.");
  const saved = await db().csvImport.updateMany({ where: { id: row.id, status: { in: OPEN } }, data: { mapping: parsed.data } });
  if (saved.count === 0) throw new InputConflictError("This import has already started.");
  return check(db(), actor, { ...row, mapping: parsed.data });
}

/** Checks again; when every row is good, queues the import. Bad rows: the preview, nothing written. */
export async function startCsvImport(actor: Actor, id: string): Promise<{ ok: true } | Extract<CsvImportPreview, { ok: false }>> {
  const row = await visibleImport(actor, id);
  if (!OPEN.includes(row.status)) throw new InputConflictError("This import has already started.");
  const preview = await check(db(), actor, row);
  if (!preview.ok) return preview;
  const queued = await db().csvImport.updateMany({
    where: { id: row.id, status: { in: OPEN } },
    data: { status: "QUEUED", total: row.rowCount, done: 0, error: null, result: Prisma.DbNull, startedAt: null, finishedAt: null },
  });
  if (queued.count === 0) throw new InputConflictError("This import has already started.");
  await enqueueJob("import-csv", { importId: row.id });
  return { ok: true };
}

type Staged = { id: string; kind: CsvImportKind; content: string; headers: unknown; mapping: unknown; fileName: string };

/** Every row read against the mapping and the units and people the importer may name. */
async function readRows(client: PrismaClient | Prisma.TransactionClient, actor: Actor, row: Staged) {
  const table = readCsvTable(row.content);
  if ("error" in table) return { ok: false as const, mappingErrors: [table.error], badRows: [] };
  const mapping = row.mapping as ColumnMapping;
  const mappingErrors = mappingProblems(row.kind, row.headers as string[], mapping);
  if (mappingErrors.length > 0) return { ok: false as const, mappingErrors, badRows: [] };
  const read = readImportRows(row.kind, table.header, table.rows, mapping, await importContext(client, actor, row.kind));
  return read.ok ? read : { ...read, mappingErrors: [] };
}

async function check(client: PrismaClient, actor: Actor, row: Staged & { rowCount: number }): Promise<CsvImportPreview> {
  const read = await readRows(client, actor, row);
  if (!read.ok) return { ...read, rowCount: row.rowCount };
  const plan = await planImport(client, row.kind, read.rows);
  return { ok: true, rowCount: row.rowCount, counts: plan.counts };
}

async function importContext(client: PrismaClient | Prisma.TransactionClient, actor: Actor, kind: CsvImportKind): Promise<ImportContext> {
  const reliability = kind === "SERVICE_LEVELS" || kind === "INCIDENTS";
  const [units, managers, systems] = await Promise.all([
    // A unit import matches archived units by name too: a name is never reused.
    client.account.findMany({ where: kind === "ACCOUNTS" ? {} : { archivedAt: null }, select: { id: true, name: true, relationshipManagerId: true } }),
    kind === "ACCOUNTS" ? client.user.findMany({ where: { role: "RELATIONSHIP_MANAGER", deactivatedAt: null }, select: { id: true, email: true } }) : [],
    reliability ? client.coreSystem.findMany({ where: { deletedAt: null, account: { archivedAt: null } }, select: { id: true, accountId: true, name: true } }) : [],
  ]);
  return { units: units.map((u) => ({ id: u.id, name: u.name, writable: accountAccess(actor, u) === "full" })), managers, systems };
}

/**
 * The "import-csv" job: reads the rows again as the uploader (their role now, not at upload),
 * writes them in one transaction and records the outcome. A failure is recorded on the import
 * with nothing written; the file stays, to be corrected or started again.
 */
export async function runCsvImport(prisma: PrismaClient, importId: string, now: Date, options: { progressOutsideTransaction: boolean }) {
  const claimed = await prisma.csvImport.updateMany({ where: { id: importId, status: "QUEUED" }, data: { status: "RUNNING", startedAt: now } });
  if (claimed.count === 0) return { skipped: true as const };
  const row = await prisma.csvImport.findUniqueOrThrow({ where: { id: importId }, select: { id: true, kind: true, content: true, headers: true, mapping: true, fileName: true, createdBy: true } });
  const { createdBy: user } = row;
  const actor: Actor = { id: user.id, role: user.role, accountId: user.accountId, name: user.name, email: user.email };
  const fail = async (error: string) => {
    await prisma.csvImport.update({ where: { id: importId }, data: { status: "FAILED", error, finishedAt: new Date() } });
    return { skipped: false as const, failed: error };
  };
  if (user.deactivatedAt || !mayImport(actor, row.kind)) return fail("Nothing was imported: the person who uploaded the file may no longer import it.");
  const read = await readRows(prisma, actor, row);
  if (!read.ok) {
    const first = read.mappingErrors[0] ?? (read.badRows[0] ? `line ${read.badRows[0].line}: ${read.badRows[0].problems.join("; ")}` : "");
    return fail(`Nothing was imported: the rows changed meaning since they were checked (${first}). Check the rows again.`);
  }
  const progress = (done: number) => prisma.csvImport.update({ where: { id: importId }, data: { done } }).then(() => undefined);
  try {
    const result = await writeImport(prisma, actor, { id: row.id, kind: row.kind, fileName: row.fileName }, read.rows, now, options.progressOutsideTransaction ? progress : null);
    await prisma.csvImport.update({ where: { id: importId }, data: { status: "SUCCEEDED", done: read.rows.length, result: { ...result.counts, units: result.units.map((u) => ({ ...u })) }, finishedAt: new Date() } });
    return { skipped: false as const, ...result };
  } catch (error) {
    if (error instanceof InputConflictError) return fail(`Nothing was imported: ${error.message}`);
    await fail("Nothing was imported: the import stopped on an unexpected error. Start it again; if it fails again, tell your administrator.");
    throw error;
  }
}
