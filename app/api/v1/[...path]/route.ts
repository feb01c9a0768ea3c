import { API_PREFIX, dispatch } from "@/lib/api/v1/dispatch";

// Every /api/v1 operation goes through one dispatcher (lib/api/v1/dispatch.ts): token, limits,
// validation, idempotency and error bodies in one place; the operations are in lib/api/v1/registry.ts.

const handle = (request: Request) => dispatch(request, new URL(request.url).pathname.slice(API_PREFIX.length));

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
