import { cachedOpenApiDocument } from "@/lib/api/v1/openapi";

/** The OpenAPI 3.1 document of /api/v1: public, like any API's reference (it holds no data). */
export function GET(): Response {
  return Response.json(cachedOpenApiDocument());
}
