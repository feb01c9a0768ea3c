import type { z } from "zod";
import type { Actor } from "../../data/permissions";

// One API operation (decision 029): its method and path, who may call it (the token's scope; the
// data layer checks the user per record), and a zod schema for every input and for its answer.
// The dispatcher validates the inputs, the handler calls the data layer, and the answer is parsed
// through `response` so no field the schema does not name leaves. The OpenAPI document is built
// from the same objects, so the two cannot disagree.

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
type AnyObject = z.ZodObject<z.ZodRawShape>;
type NoInput = z.ZodObject<Record<never, never>>;

/**
 * What a handler may return for a response whose JSON has type T: dates may still be Date objects
 * (the dispatcher serialises the answer to JSON before it parses it through the response schema).
 */
export type Wire<T> = T extends string ? string | Date : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export interface OperationSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> {
  /** camelCase and unique: the document's operationId. */
  id: string;
  method: Method;
  /** Under /api/v1, OpenAPI style: "/accounts/{accountId}/contacts". */
  path: `/${string}`;
  summary: string;
  description?: string;
  /** The document groups operations by tag (one per resource). */
  tag: string;
  /** read: any live token. write: a token with the write scope. */
  scope: "read" | "write";
  /** Path parameters; one that fails its schema cannot name a record: 404. */
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** The success status: 201 for a POST (a create), else 200, unless said here. */
  status?: number;
  /** An example body for the docs page's curl line. */
  example?: unknown;
  handler: (args: { actor: Actor; params: z.output<P>; query: z.output<Q>; body: z.output<B> }) => Promise<Wire<z.input<R>>>;
}

// The registry holds operations of many shapes; the dispatcher only needs them erased.
export type Operation = OperationSpec<AnyObject, AnyObject, z.ZodType, z.ZodType>;

/** Declares an operation; the types of params, query and body flow into the handler. */
export function defineOperation<P extends AnyObject = NoInput, Q extends AnyObject = NoInput, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  spec: OperationSpec<P, Q, B, R>,
): Operation {
  return spec as unknown as Operation;
}

/** Creates (a POST) accept an Idempotency-Key; the framework stores and replays their answers. */
export const isCreate = (operation: Operation) => operation.method === "POST";

export const successStatus = (operation: Operation) => operation.status ?? (isCreate(operation) ? 201 : 200);
