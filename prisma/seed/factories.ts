import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "../../lib/scoring/phrases/sources";
import type {
  Account,
  Contact,
  HealthSnapshot,
  Interaction,
  Prisma,
  Quote,
  Rating,
  User,
} from "../../lib/generated/prisma/client";

// Factories shared by the seed and the integration tests. Two flavours of each:
//   build*  → plain create-many input with defaults filled in and an id chosen up front (no I/O),
//             so the seed can link rows and insert them in batches with createMany;
//   create* → inserts one row (through a client or a transaction) and returns it.
// Defaults that must be unique (ids, e-mails, names, idempotency keys) are random so parallel test
// workers never collide; pass explicit values for deterministic rows.

/** A PrismaClient or an interactive transaction's client. */
export type Db = Prisma.TransactionClient;

/** A cuid-shaped id (lower-case letter then 24 base-36 characters), accepted by the app's id schema. */
export function newId(random: () => number = secureRandom): string {
  let id = "c";
  for (let i = 0; i < 24; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE() / 2 ** 32;
}

function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Never verifies: users built without a password cannot sign in. */
export const UNUSABLE_PASSWORD_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(64).toString("base64");

// ——— users ———

export type UserOverrides = Partial<Prisma.UserCreateManyInput>;

export function buildUser(overrides: UserOverrides = {}): Prisma.UserCreateManyInput & { id: string } {
  const suffix = uniqueSuffix();
  return {
    name: `Test User ${suffix}`,
    role: "RELATIONSHIP_MANAGER",
    passwordHash: UNUSABLE_PASSWORD_HASH,
    ...overrides,
    id: overrides.id ?? newId(),
    email: (overrides.email ?? `user-${suffix}@example.test`).toLowerCase(),
  };
}

/** With `password`, the user can sign in with it (hashing takes ~90 ms: prefer `passwordHash` in loops). */
export async function createUser(db: Db, overrides: UserOverrides & { password?: string } = {}): Promise<User> {
  const { password, ...rest } = overrides;
  const passwordHash = password === undefined ? rest.passwordHash : await hashPassword(password);
  return db.user.create({ data: buildUser({ ...rest, ...(passwordHash ? { passwordHash } : {}) }) });
}

// ——— accounts and contacts ———

export function buildAccount(overrides: Partial<Prisma.AccountCreateManyInput> = {}): Prisma.AccountCreateManyInput & { id: string } {
  return {
    name: `Business unit ${uniqueSuffix()}`,
    criticality: "MEDIUM",
    ...overrides,
    id: overrides.id ?? newId(),
  };
}

export function createAccount(db: Db, overrides: Partial<Prisma.AccountCreateManyInput> = {}): Promise<Account> {
  return db.account.create({ data: buildAccount(overrides) });
}

export type ContactInput = Partial<Prisma.ContactCreateManyInput> & { accountId: string };

export function buildContact(input: ContactInput): Prisma.ContactCreateManyInput & { id: string } {
  return { name: `Contact ${uniqueSuffix()}`, title: null, email: null, ...input, id: input.id ?? newId() };
}

export function createContact(db: Db, input: ContactInput): Promise<Contact> {
  return db.contact.create({ data: buildContact(input) });
}

// ——— interactions, attendees, quotes ———

export type InteractionInput = Partial<Prisma.InteractionCreateManyInput> & { accountId: string; loggedById: string };

export function buildInteraction(input: InteractionInput): Prisma.InteractionCreateManyInput & { id: string; occurredAt: Date } {
  const occurredAt = input.occurredAt === undefined ? new Date() : new Date(input.occurredAt);
  const type = input.type ?? "MEETING";
  // E-mails and status updates have no punctuality or preparation to observe.
  const observed = type !== "EMAIL" && type !== "STATUS_UPDATE";
  const row = {
    type,
    summary: "Catch-up with the business unit",
    notes: "",
    sentiment: "NEUTRAL" as const,
    itOnTime: observed ? true : null,
    itPrepared: observed ? true : null,
    cancelledBy: "NOBODY" as const,
    createdAt: occurredAt,
    ...input,
    occurredAt,
    id: input.id ?? newId(),
  };
  // Phrases are detected when text is saved, as the app does.
  return { ...row, phraseHits: input.phraseHits ?? interactionTextPhrases(row.summary, row.notes) };
}

export interface InteractionExtras {
  quotes?: { side: "BUSINESS" | "IT"; text: string }[];
  /** Business-side attendees. */
  contactIds?: string[];
  /** IT-side attendees. */
  userIds?: string[];
}

/** Creates an interaction with its quotes and attendees in one statement. */
export function createInteraction(
  db: Db,
  input: InteractionInput & InteractionExtras,
): Promise<Interaction & { quotes: Quote[] }> {
  const { quotes = [], contactIds = [], userIds = [], ...fields } = input;
  const data = buildInteraction(fields);
  return db.interaction.create({
    data: {
      ...data,
      quotes: { create: quotes.map((q) => ({ ...q, phraseHits: quotePhrases(q.text, q.side), createdAt: data.occurredAt })) },
      attendees: {
        create: [
          ...contactIds.map((contactId) => ({ side: "BUSINESS" as const, contactId })),
          ...userIds.map((userId) => ({ side: "IT" as const, userId })),
        ],
      },
    },
    include: { quotes: true },
  });
}

export type QuoteInput = Partial<Prisma.QuoteCreateManyInput> & { interactionId: string; side: "BUSINESS" | "IT"; text: string };

export function buildQuote(input: QuoteInput): Prisma.QuoteCreateManyInput & { id: string } {
  return { phraseHits: quotePhrases(input.text, input.side), ...input, id: input.id ?? newId() };
}

export type AttendeeInput = { interactionId: string; id?: string } & (
  | { side: "BUSINESS"; contactId: string }
  | { side: "IT"; userId: string }
);

export function buildAttendee(input: AttendeeInput): Prisma.InteractionAttendeeCreateManyInput & { id: string } {
  return { ...input, id: input.id ?? newId() };
}

// ——— follow-ups ———

export type FollowUpInput = Partial<Prisma.FollowUpCreateManyInput> & { accountId: string };

/** Due a week after it was created unless told otherwise; `dueDate` is a calendar day (UTC midnight). */
export function buildFollowUp(input: FollowUpInput): Prisma.FollowUpCreateManyInput & { id: string } {
  const createdAt = input.createdAt === undefined ? new Date() : new Date(input.createdAt);
  const due = input.dueDate === undefined ? new Date(createdAt.getTime() + 7 * 86_400_000) : new Date(input.dueDate);
  return {
    description: "Send the notes and next steps",
    owedBy: "IT",
    doneAt: null,
    ...input,
    createdAt,
    dueDate: toCalendarDay(due),
    id: input.id ?? newId(),
  };
}

/** Midnight UTC of the date's UTC day: what a `@db.Date` column stores. */
export function toCalendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

// ——— ratings ———

export type RatingInput = Partial<Prisma.RatingCreateManyInput> & { accountId: string; userId: string | null };

export function buildRating(input: RatingInput): Prisma.RatingCreateManyInput & { id: string } {
  const comment = input.comment ?? "";
  return {
    overall: 4,
    recommend: 8,
    createdAt: new Date(),
    phraseHits: ratingCommentPhrases(comment),
    ...input,
    comment,
    idempotencyKey: input.idempotencyKey ?? randomUUID(),
    id: input.id ?? newId(),
  };
}

export function createRating(db: Db, input: RatingInput): Promise<Rating> {
  return db.rating.create({ data: buildRating(input) });
}

// ——— health snapshots (tests that need history without running the scoring) ———

export type HealthSnapshotInput = Partial<Prisma.HealthSnapshotCreateManyInput> & { accountId: string };

/** A snapshot, and its month's row of account_health_months when it is the month's latest (as lib/health/store.ts keeps them). */
export async function createHealthSnapshot(db: Db, input: HealthSnapshotInput): Promise<HealthSnapshot> {
  const snapshot = await db.healthSnapshot.create({
    data: { stage: "HEALTHY", score: 80, confidence: 1, evidence: {}, computedAt: new Date(), ...input, id: input.id ?? newId() },
  });
  await db.$executeRaw`
    INSERT INTO account_health_months (account_id, month, stage, score, computed_at)
    VALUES (${snapshot.accountId}, date_trunc('month', ${snapshot.computedAt}::timestamp)::date, ${snapshot.stage}::"Stage", ${snapshot.score}, ${snapshot.computedAt})
    ON CONFLICT (account_id, month) DO UPDATE SET stage = excluded.stage, score = excluded.score, computed_at = excluded.computed_at
    WHERE account_health_months.computed_at <= excluded.computed_at`;
  return snapshot;
}
