import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here, not from schema.prisma. The CLI's migrate
// commands need a native engine that cannot be downloaded offline: use `npm run db:migrate`
// (Prisma's WebAssembly engine) instead; see docs/decisions/003-offline-migrations.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
