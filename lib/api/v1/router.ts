import type { Method, Operation } from "./operation";

// Finds the operation for a method and a path under /api/v1: "/accounts/{accountId}" matches
// "/accounts/abc" with { accountId: "abc" }. Literal segments win over parameters, so
// "/accounts/{accountId}/diagnosis" and "/accounts/{accountId}/{x}" never compete.

interface Route {
  operation: Operation;
  segments: string[];
}

const split = (path: string) => path.split("/").filter(Boolean);

export function createRouter(operations: readonly Operation[]) {
  const routes: Route[] = operations.map((operation) => ({ operation, segments: split(operation.path) }));

  function match(segments: string[], route: Route): Record<string, string> | null {
    if (route.segments.length !== segments.length) return null;
    const params: Record<string, string> = {};
    for (const [index, part] of route.segments.entries()) {
      const value = segments[index] ?? "";
      if (part.startsWith("{")) params[part.slice(1, -1)] = value;
      else if (part !== value) return null;
    }
    return params;
  }
  const literals = (route: Route) => route.segments.filter((part) => !part.startsWith("{")).length;

  /** The operation and its raw params; `allowed` lists the methods of the path when the method is wrong. */
  return function find(method: string, path: string): { operation: Operation; params: Record<string, string> } | { allowed: Method[] } | null {
    const segments = split(path).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
    const matching = routes
      .map((route) => ({ route, params: match(segments, route) }))
      .filter((hit): hit is { route: Route; params: Record<string, string> } => hit.params !== null)
      .sort((a, b) => literals(b.route) - literals(a.route));
    if (matching.length === 0) return null;
    const hit = matching.find(({ route }) => route.operation.method === method);
    if (hit) return { operation: hit.route.operation, params: hit.params };
    return { allowed: [...new Set(matching.map(({ route }) => route.operation.method))] };
  };
}
