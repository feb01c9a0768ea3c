// The second e2e server (tests/e2e/server.ts): a database with no demo data and one administrator,
// for the journey of a new IT department setting itself up in the browser alone.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

export const EMPTY_BASE_URL = `http://127.0.0.1:${PORT}`;

export const EMPTY_ADMIN = { email: "first.admin@it.example", name: "Fran First", password: "set up rapport 2026" } as const;
