import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { isDatabaseUnavailable } from "./errors";

// The shapes below are what Prisma 7 with adapter-pg threw in tests/system/durability.test.ts
// while its cluster was down or restarting.
const known = (code: string, message: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });
const adapterError = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: "DriverAdapterError", cause } });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable, restarting or lost database", () => {
    expect(isDatabaseUnavailable(known("P1001", "Can't reach database server", adapterError({ kind: "DatabaseNotReachable" })))).toBe(true);
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `N/A`.", adapterError({ kind: "DatabaseNotReachable" })))).toBe(true);
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `57P03`.", adapterError({ kind: "postgres", originalCode: "57P03", message: "the database system is starting up" })))).toBe(true);
    expect(isDatabaseUnavailable(known("P2028", "Transaction API error: Unable to start a transaction in the given time."))).toBe(true);
    expect(isDatabaseUnavailable(known("P2028", "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  });

  it("leaves bugs and bad input alone", () => {
    expect(isDatabaseUnavailable(known("P2010", "Raw query failed. Code: `42601`.", adapterError({ kind: "postgres", originalCode: "42601", message: "syntax error at or near \"SELEC\"" })))).toBe(false);
    expect(isDatabaseUnavailable(known("P2002", "Unique constraint failed", { target: ["email"] }))).toBe(false);
    expect(isDatabaseUnavailable(known("P2028", "Transaction API error: Transaction not found."))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
