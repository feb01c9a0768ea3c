import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { formOf, runAction } from "../support/authz/run";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";

// The import screens' server actions and progress route as the forms and the bar call them: a
// refused file stores nothing, the mapping posted as "map.<field>" is checked (counts, mapping
// problems, bad rows by line), a start with bad rows writes nothing, and the route answers the
// bar's fields only.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const queued = vi.hoisted(() => [] as string[]);
vi.mock("../../lib/jobs", () => ({ enqueueJob: async (name: string) => void queued.push(name) }));

const { uploadCsvImportAction, previewCsvImportAction, startCsvImportAction } = await import("../../app/(app)/import/actions");
const { GET } = await import("../../app/api/imports/[id]/route");

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
  queued.length = 0;
  signIn(world.actors.rmA);
});

const file = (text: string, name = "contacts.csv") => new File([text], name, { type: "text/csv" });
const CONTACT_FIELDS = ["account", "name", "email", "title", "phone", "role", "influence", "interest"];
/** The mapping form as posted: the given columns, every other field "Not imported". */
const mappingForm = (importId: string, columns: Record<string, string>) => formOf({ importId, ...Object.fromEntries(CONTACT_FIELDS.map((key) => [`map.${key}`, columns[key] ?? ""])) });

async function upload(text: string): Promise<string> {
  const run = await runAction(uploadCsvImportAction, formOf({ kind: "CONTACTS", file: file(text) }));
  const id = /^\/import\/([a-z0-9]+)$/.exec(run.redirectedTo ?? "")?.[1];
  if (!id) throw new Error(`no redirect: ${JSON.stringify(run.answer)}`);
  return id;
}

describe("CSV import actions", () => {
  it("refuses an unreadable file or a missing kind in the form, storing nothing", async () => {
    const before = await db().csvImport.count();
    expect((await runAction(uploadCsvImportAction, formOf({ kind: "CONTACTS", file: file("Business unit,Name\n") }))).answer).toEqual({ status: "refused", message: "The file has a header but no rows." });
    expect((await runAction(uploadCsvImportAction, formOf({ kind: "CONTACTS", file: new File(["PK"], "contacts.xlsx", { type: "application/zip" }) }))).answer).toMatchObject({ status: "refused", message: expect.stringMatching(/^This is not a CSV file/) });
    expect((await runAction(uploadCsvImportAction, formOf({ kind: "PEOPLE", file: file("a,b\n1,2\n") }))).answer).toMatchObject({ status: "refused", message: expect.stringMatching(/^Choose what the file holds/) });
    expect(await db().csvImport.count()).toBe(before);
  });

  it("checks the posted mapping: counts, mapping problems, an impossible column, every bad row by its line", async () => {
    const id = await upload(`Unit,Full name,Mail\n${world.a.name},Ada Import,ada.import@quill.test\nNowhere,Bob Import,\n`);
    const bad = await runAction(previewCsvImportAction, mappingForm(id, { account: "0", name: "1", email: "2" }));
    expect(bad.answer).toEqual({ status: "bad-rows", rowCount: 2, mappingErrors: [], badRows: [{ line: 3, problems: ["Unit: “Nowhere” is not a business unit in Rapport"] }] });
    expect((await runAction(previewCsvImportAction, mappingForm(id, { account: "0", email: "2" }))).answer).toMatchObject({ status: "bad-rows", mappingErrors: ["Choose the column for Name: it is required."] });
    expect((await runAction(previewCsvImportAction, mappingForm(id, { account: "0", name: "one" }))).answer).toEqual({ status: "refused", message: "Choose a column (or “Not imported”) for each field." });
    // The start reads the saved mapping (the last one checked) again: a bad row writes nothing and queues nothing.
    expect((await runAction(startCsvImportAction, formOf({ importId: id }))).answer).toMatchObject({ status: "bad-rows", mappingErrors: ["Choose the column for Name: it is required."] });
    await runAction(previewCsvImportAction, mappingForm(id, { account: "0", name: "1", email: "2" }));
    expect((await runAction(startCsvImportAction, formOf({ importId: id }))).answer).toMatchObject({ status: "bad-rows", badRows: [{ line: 3 }] });
    expect(queued).toEqual([]);
    expect((await db().csvImport.findUniqueOrThrow({ where: { id } })).status).toBe("STAGED");
  });

  it("starts a good import, which the route then reports with the bar's fields only; another manager finds neither", async () => {
    const id = await upload(`Unit,Full name\n${world.a.name},Ada Import\n${world.a.name},Bob Import\n`);
    expect((await runAction(previewCsvImportAction, mappingForm(id, { account: "0", name: "1" }))).answer).toEqual({ status: "success", rowCount: 2, counts: { created: 2, updated: 0, unchanged: 0 } });
    const started = await runAction(startCsvImportAction, formOf({ importId: id }));
    expect(started.redirectedTo).toBe(`/import/${id}`);
    expect(queued).toEqual(["import-csv"]);
    expect((await runAction(startCsvImportAction, formOf({ importId: id }))).answer).toEqual({ status: "refused", message: "This import has already started." });

    const response = await GET(new Request(`http://rapport.test/api/imports/${id}`), { params: Promise.resolve({ id }) });
    expect(await response.json()).toEqual({ status: "QUEUED", done: 0, total: 2, result: null, error: null });

    signIn(world.actors.otherRm);
    expect((await GET(new Request(`http://rapport.test/api/imports/${id}`), { params: Promise.resolve({ id }) })).status).toBe(404);
    expect((await runAction(previewCsvImportAction, mappingForm(id, { account: "0", name: "1" }))).answer).toEqual({ status: "refused", message: "That import was not found." });
  });
});
