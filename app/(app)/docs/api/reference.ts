import "server-only";
import { cachedOpenApiDocument } from "@/lib/api/v1/openapi";

// The OpenAPI document regrouped for the docs page: operations by tag, each with its parameters,
// body and answer schemas, and a curl line with a placeholder token.

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string };
}

interface DocOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: { bearer?: string[] }[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: unknown; example?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

export function groupedOperations() {
  const document = cachedOpenApiDocument();
  const byTag = new Map<string, ReturnType<typeof describe>[]>();
  function describe(method: string, path: string, operation: DocOperation) {
    const body = operation.requestBody?.content?.["application/json"];
    const [status, success] = Object.entries(operation.responses ?? {}).find(([code]) => code.startsWith("2")) ?? ["200", undefined];
    const create = method === "POST";
    const examplePath = path.replace(/\{(\w+)\}/g, (_all, name: string) => `<${name}>`);
    return {
      id: operation.operationId,
      method,
      path,
      summary: operation.summary ?? "",
      description: operation.description,
      scope: operation.security?.[0]?.bearer?.[0] ?? "read",
      parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, type: parameter.schema?.type ?? "" })),
      body: body?.schema,
      status,
      response: success?.content?.["application/json"]?.schema,
      curl: (base: string) =>
        [
          `curl${method === "GET" ? "" : ` -X ${method}`} ${shellQuote(base + examplePath)}`,
          `  -H "Authorization: Bearer $RAPPORT_TOKEN"`,
          ...(body ? [`  -H "Content-Type: application/json"`] : []),
          ...(create ? [`  -H "Idempotency-Key: $(uuidgen)"`] : []),
          ...(body ? [`  -d ${shellQuote(JSON.stringify(body.example ?? {}))}`] : []),
        ].join(" \\\n"),
    };
  }
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, DocOperation>)) {
      const tag = operation.tags?.[0] ?? "Other";
      const list = byTag.get(tag) ?? [];
      list.push(describe(method.toUpperCase(), path, operation));
      byTag.set(tag, list);
    }
  }
  return {
    tags: [...byTag.entries()].map(([tag, operations]) => ({ tag, operations })),
    schemas: (document.components?.schemas ?? {}) as Record<string, unknown>,
  };
}
