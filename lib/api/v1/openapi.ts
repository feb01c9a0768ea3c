import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ERROR_STATUSES, errorBodySchema } from "./errors";
import { isCreate, type Operation, successStatus } from "./operation";
import { operations } from "./registry";

// The OpenAPI 3.1 document of /api/v1, built with zod-openapi from the operations' own schemas
// (decision 029): served at /api/v1/openapi.json and rendered by the docs page.

export const API_VERSION = "1.0.0";

const errorContent = { "application/json": { schema: errorBodySchema } };

function describe(operation: Operation): ZodOpenApiOperationObject {
  const errors: Record<string, string> = { ...ERROR_STATUSES };
  if (operation.body) Object.assign(errors, { 415: "The body is not sent as application/json.", 422: "The body fails validation (fieldErrors says where)." });
  if (operation.method !== "GET") errors[409] = "The change conflicts with what is stored (e.g. a name already taken).";
  if (isCreate(operation)) errors[422] = "The body fails validation, or the Idempotency-Key was used for another request.";
  return {
    operationId: operation.id,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    security: [{ bearer: [operation.scope] }],
    requestParams: {
      ...(operation.params && { path: operation.params }),
      ...(operation.query && { query: operation.query }),
      ...(isCreate(operation) && {
        header: z.object({
          "idempotency-key": z.string().max(255).optional().meta({ description: "Any unique string (a UUID): sending the same request again with it replays the first answer instead of creating twice." }),
        }),
      }),
    },
    ...(operation.body && {
      requestBody: { required: true, content: { "application/json": { schema: operation.body, ...(operation.example !== undefined && { example: operation.example }) } } },
    }),
    responses: {
      [successStatus(operation)]: { description: "Success.", content: { "application/json": { schema: operation.response } } },
      ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, { description, content: errorContent }])),
    },
  };
}

export function openApiDocument(list: readonly Operation[] = operations) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of list) {
    const item = (paths[operation.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[operation.method.toLowerCase()] = describe(operation);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Rapport API",
      version: API_VERSION,
      description:
        "Rapport's REST API. Authenticate with a personal API token (Settings › API tokens): `Authorization: Bearer rpt_…`. A token acts as its user: it sees and changes exactly what that user may. Lists page with `limit` and `cursor` (`nextCursor` of the previous page). Creates accept an `Idempotency-Key` header. Errors answer `{ error: { code, message, fieldErrors? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (rpt_…). read: GET operations; write: all." } },
    },
    paths,
  });
}

/** Built once per process: the operations do not change while it runs. */
let built: ReturnType<typeof openApiDocument> | undefined;
export const cachedOpenApiDocument = () => (built ??= openApiDocument());
