import type { Operation } from "./operation";
import { operations as accounts } from "./resources/accounts";
import { operations as contacts } from "./resources/contacts";
import { operations as interactions } from "./resources/interactions";

// Every /api/v1 operation, one import per resource file (lib/api/v1/resources/<name>.ts exports
// `operations`). The dispatcher routes to these, the OpenAPI document describes these, and the
// authorization matrix calls each of these as every role: a new resource is added here only.

export const operations: readonly Operation[] = [...accounts, ...contacts, ...interactions];
