import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import type { PrismaClient } from "../generated/prisma/client";
import { isDatabaseUnavailable } from "./errors";

// Prisma 7 bug, seen when a connection dies under an interactive transaction: the query that hit
// the broken connection rejects, but the transaction's other queries in flight (Promise.all on
// one `tx`) resolve with `undefined`. Code reading those rows then throws a TypeError first, and
// that TypeError, not the lost connection, is what the transaction rejects with, so an outage
// would look like a bug (a 500 instead of a retryable 503). Here each interactive transaction
// remembers the first connection failure of its queries, and reports that when it fails.

const failures = new AsyncLocalStorage<{ lost?: unknown }>();

function remember(error: unknown): never {
  const store = failures.getStore();
  if (store && store.lost === undefined && isDatabaseUnavailable(error)) store.lost = error;
  throw error;
}

function watchTransaction(tx: Transaction): Transaction {
  const { queryRaw, executeRaw } = tx;
  tx.queryRaw = (query) => queryRaw.call(tx, query).catch(remember);
  tx.executeRaw = (query) => executeRaw.call(tx, query).catch(remember);
  return tx;
}

/** The factory with every transaction's queries watched for a lost connection. */
export function watchTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== "connect") return Reflect.get(target, property, receiver);
      return async (): Promise<SqlDriverAdapter> => {
        const adapter = await target.connect();
        const { startTransaction } = adapter;
        adapter.startTransaction = (isolationLevel) => startTransaction.call(adapter, isolationLevel).then(watchTransaction, remember);
        return adapter;
      };
    },
  });
}

/** `$transaction(fn)` rejects with the connection failure, if its queries met one, rather than what followed from it. */
export function reportLostConnections(prisma: PrismaClient): PrismaClient {
  const original = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
  const $transaction = (...args: unknown[]) => {
    if (typeof args[0] !== "function") return original(...args);
    const store: { lost?: unknown } = {};
    return failures.run(store, () =>
      original(...args).catch((error: unknown) => {
        throw store.lost !== undefined && !isDatabaseUnavailable(error) ? store.lost : error;
      }),
    );
  };
  Object.defineProperty(prisma, "$transaction", { value: $transaction, configurable: true, writable: true });
  return prisma;
}
