import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "../../lib/api/v1/openapi";
import { defineOperation } from "../../lib/api/v1/operation";
import { operations } from "../../lib/api/v1/registry";

// The OpenAPI 3.1 document of /api/v1: valid by a real validator of the 3.1 schema, covering
// every operation of the registry with its inputs and its answer, and served at /api/v1/openapi.json.

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

async function validate(document: unknown) {
  const validator = new Validator();
  return validator.validate(document as Record<string, unknown>);
}

type Described = { operationId?: string; parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: object }> }; responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

/** A schema that says nothing (z.unknown(), z.any()) is no schema. */
const says = (schema: object | undefined) => schema !== undefined && Object.keys(schema).length > 0;

/** What the document fails to say about each operation. */
function coverageProblems(list: typeof operations): string[] {
  const document = openApiDocument(list);
  const problems: string[] = [];
  for (const operation of list) {
    const described = (document.paths?.[operation.path] as Record<string, Described> | undefined)?.[operation.method.toLowerCase()];
    if (!described) {
      problems.push(`${operation.id}: not in the document`);
      continue;
    }
    if (described.operationId !== operation.id) problems.push(`${operation.id}: operationId ${described.operationId}`);
    const declared = (described.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name).sort();
    if (JSON.stringify(declared) !== JSON.stringify(pathParams(operation.path).sort())) problems.push(`${operation.id}: path parameters ${declared.join(",")} for ${operation.path}`);
    if (operation.method !== "GET" && operation.method !== "DELETE" && !says(described.requestBody?.content?.["application/json"]?.schema)) problems.push(`${operation.id}: no schema for its body`);
    const success = Object.entries(described.responses ?? {}).find(([status]) => status.startsWith("2"));
    if (!says(success?.[1].content?.["application/json"]?.schema)) problems.push(`${operation.id}: no schema for its answer`);
    if (!described.responses?.["401"]) problems.push(`${operation.id}: the 401 is not described`);
  }
  return problems;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("the validator does reject a broken document", async () => {
    const broken = { ...openApiDocument(), paths: { "/accounts": { get: { responses: { 200: { content: "nope" } } } } } };
    expect((await validate(broken)).valid).toBe(false);
  });

  it("describes every operation: its id, scope, path parameters, body and a schema for its answer", () => {
    expect(coverageProblems(operations)).toEqual([]);
  });

  it("fails when an operation's answer or body has no schema (unknown, any)", () => {
    const loose = defineOperation({ id: "looseOperation", method: "POST", path: "/loose/{x}", summary: "Loose", tag: "Loose", scope: "write", body: z.unknown(), response: z.any(), handler: async () => ({}) });
    expect(coverageProblems([...operations, loose])).toEqual(["looseOperation: path parameters  for /loose/{x}", "looseOperation: no schema for its body", "looseOperation: no schema for its answer"]);
  });

  it("has unique operation ids and one operation per method and path", () => {
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length);
    expect(new Set(operations.map((operation) => `${operation.method} ${operation.path}`)).size).toBe(operations.length);
  });

  it("is served at /api/v1/openapi.json", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    const served = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths).sort()).toEqual([...new Set(operations.map((operation) => operation.path))].sort());
  });
});
