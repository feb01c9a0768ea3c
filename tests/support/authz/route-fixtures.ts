import { NextRequest } from "next/server";
import { db } from "../../../lib/db/client";
import { unsubscribeToken } from "../../../lib/campaigns/tokens";
import { fakeHeadersForPackages } from "./signed-in";
import type { MatrixWorld } from "./world";
import { stagedImport } from "./action-fixtures";

// A valid request for every route handler and method, about account A, as Next would call it.

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
/** Sets up what the request needs, then returns the call itself (so set-up writes are not counted as the call's). */
type Call = (w: MatrixWorld) => Promise<() => Promise<Response>>;

const BASE = "http://rapport.test";
const route = async (file: string, method: string): Promise<Handler> => (await import(`../../../${file}`))[method] as Handler;
const params = (values: Record<string, unknown> = {}) => ({ params: Promise.resolve(values) });
const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const routeCalls: Record<string, Partial<Record<string, Call>>> = {
  "app/api/accounts/route.ts": {
    GET: async () => {
      const handler = await route("app/api/accounts/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/accounts`), params());
    },
  },
  "app/api/accounts/[id]/route.ts": {
    GET: async (w) => {
      const handler = await route("app/api/accounts/[id]/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/accounts/${w.a.id}`), params({ id: w.a.id }));
    },
  },
  "app/api/accounts/[id]/ratings/route.ts": {
    POST: async (w) => {
      const handler = await route("app/api/accounts/[id]/ratings/route.ts", "POST");
      const body = { overall: 4, recommend: 8, comment: "Fixture: fine", idempotencyKey: crypto.randomUUID() };
      return () => handler(new Request(`${BASE}/api/accounts/${w.a.id}/ratings`, json(body)), params({ id: w.a.id }));
    },
  },
  ...Object.fromEntries(
    ["monthly", "failures"].flatMap((report) => [
      [
        `app/api/reports/accounts/[id]/${report}/route.ts`,
        {
          GET: async (w: MatrixWorld) => {
            const handler = await route(`app/api/reports/accounts/[id]/${report}/route.ts`, "GET");
            return () => handler(new Request(`${BASE}/api/reports/accounts/${w.a.id}/${report}?month=2026-11&months=3`), params({ id: w.a.id }));
          },
        },
      ],
      [
        `app/api/reports/portfolio/${report}/route.ts`,
        {
          GET: async () => {
            const handler = await route(`app/api/reports/portfolio/${report}/route.ts`, "GET");
            return () => handler(new Request(`${BASE}/api/reports/portfolio/${report}?month=2026-11`), params());
          },
        },
      ],
    ]),
  ),
  "app/api/tasks/[id]/route.ts": {
    GET: async (w) => {
      const run = await db().taskRun.create({ data: { kind: "rescore", createdById: w.users.admin.id } });
      const handler = await route("app/api/tasks/[id]/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/tasks/${run.id}`), params({ id: run.id }));
    },
  },
  "app/api/imports/[id]/route.ts": {
    GET: async (w) => {
      const id = await stagedImport(w);
      const handler = await route("app/api/imports/[id]/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/imports/${id}`), params({ id }));
    },
  },
  "app/api/unsubscribe/[token]/route.ts": {
    POST: async (w) => {
      const token = unsubscribeToken(w.contact.id);
      const handler = await route("app/api/unsubscribe/[token]/route.ts", "POST");
      const request = () => new Request(`${BASE}/api/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
      return () => handler(request(), params({ token }));
    },
  },
  // The CSV exports about A (?accountId=A); the portfolio's with the dashboard's filters.
  ...Object.fromEntries(
    ["ratings", "actions", "timeline"].map((name) => [
      `app/api/export/${name}/route.ts`,
      {
        GET: async (w: MatrixWorld) => {
          const handler = await route(`app/api/export/${name}/route.ts`, "GET");
          return () => handler(new Request(`${BASE}/api/export/${name}?accountId=${w.a.id}`), params());
        },
      },
    ]),
  ),
  "app/api/export/portfolio/route.ts": {
    GET: async () => {
      const handler = await route("app/api/export/portfolio/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/export/portfolio?sort=name&bom=1`), params());
    },
  },
  "app/(app)/admin/audit/export/route.ts": {
    GET: async (w) => {
      const handler = await route("app/(app)/admin/audit/export/route.ts", "GET");
      return () => handler(new Request(`${BASE}/admin/audit/export?accountId=${w.a.id}&action=interaction`), params());
    },
  },
  "app/api/health/route.ts": {
    GET: async () => {
      const handler = await route("app/api/health/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/health`), params());
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    // next-auth reads Next's own request (its nextUrl).
    GET: async () => {
      fakeHeadersForPackages();
      const handler = await route("app/api/auth/[...nextauth]/route.ts", "GET");
      return () => handler(new NextRequest(`${BASE}/api/auth/providers`), params({ nextauth: ["providers"] }));
    },
    POST: async () => {
      fakeHeadersForPackages();
      const handler = await route("app/api/auth/[...nextauth]/route.ts", "POST");
      const body = "csrfToken=none&callbackUrl=%2Fdashboard";
      return () => handler(new NextRequest(`${BASE}/api/auth/signout`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }), params({ nextauth: ["signout"] }));
    },
  },
  // A valid request for each method, sent with the session cookie only (no token): 401 for all.
  "app/api/v1/[...path]/route.ts": Object.fromEntries(
    (["GET", "POST", "PATCH", "DELETE"] as const).map((method) => [
      method,
      async (w: MatrixWorld) => {
        const handler = await route("app/api/v1/[...path]/route.ts", method);
        const path = method === "POST" ? "/api/v1/accounts" : `/api/v1/accounts/${w.a.id}`;
        const body = method === "POST" || method === "PATCH" ? JSON.stringify({ name: "Session Made Unit", criticality: "LOW" }) : undefined;
        return () => handler(new Request(`${BASE}${path}`, { method, headers: { "content-type": "application/json" }, body }), params({ path: path.split("/").slice(3) }));
      },
    ]),
  ),
  "app/api/v1/openapi.json/route.ts": {
    GET: async () => {
      const handler = await route("app/api/v1/openapi.json/route.ts", "GET");
      return () => handler(new Request(`${BASE}/api/v1/openapi.json`), params());
    },
  },
};
