import { hashPassword } from "../../../lib/auth/password";
import { db } from "../../../lib/db/client";
import type { Actor } from "../../../lib/data/permissions";
import type { User } from "../../../lib/generated/prisma/client";
import { buildFollowUp, createAccount, createContact, createInteraction, createRating, createUser } from "../../../prisma/seed/factories";
import type { ActorKey } from "../../inventory";

// The authorization matrix's world: account A (managed by rmA, with client clientA) holding
// candid IT records and a client's rating, and account B (otherRm, clientB). The secrets are
// strings that appear nowhere else, so a response that contains one has leaked it.

export const SECRETS = {
  /** A's name: hidden from anonymous callers and from B's clients (other relationship managers see A's portfolio row). */
  nameA: "Quillfeather Treasury",
  /** IT's candid record of A: its summary, notes and a quote; for those with full access only (not even A's clients). */
  itCandidA: ["Zorblat summary of the steering call", "Zorblat notes: they think IT is a black hole", "Zorblat quote: IT never listens to us"],
  /** A client's rating comment: for A's clients and IT with full access to A, not other relationship managers. */
  ratingCommentA: "Zorblat comment: slower than a glacier",
} as const;

/** Who must never see each secret, whatever the surface. */
export const SECRET_AUDIENCE: { secret: string; hiddenFrom: readonly ActorKey[] }[] = [
  { secret: SECRETS.nameA, hiddenFrom: ["anonymous", "clientB"] },
  ...SECRETS.itCandidA.map((secret) => ({ secret, hiddenFrom: ["anonymous", "clientA", "clientB", "otherRm"] as const })),
  { secret: SECRETS.ratingCommentA, hiddenFrom: ["anonymous", "clientB", "otherRm"] },
];

export const PASSWORD = "matrix password 2026";
/** Hashed once: a password hash takes a while on purpose, and every test builds a new world. */
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));

const actorOf = (user: User): Actor => ({ id: user.id, role: user.role, accountId: user.accountId, name: user.name, email: user.email });

export async function buildMatrixWorld() {
  const prisma = db();
  const rmA = await createUser(prisma, { role: "RELATIONSHIP_MANAGER", passwordHash: await hashed() });
  const otherRm = await createUser(prisma, { role: "RELATIONSHIP_MANAGER", passwordHash: await hashed() });
  const a = await createAccount(prisma, { name: SECRETS.nameA, relationshipManagerId: rmA.id });
  const b = await createAccount(prisma, { name: "Brightwater Sales", relationshipManagerId: otherRm.id });
  const [admin, cio, clientA, clientB] = [
    await createUser(prisma, { role: "ADMIN", passwordHash: await hashed() }),
    await createUser(prisma, { role: "CIO", passwordHash: await hashed() }),
    await createUser(prisma, { role: "CLIENT", accountId: a.id, passwordHash: await hashed() }),
    await createUser(prisma, { role: "CLIENT", accountId: b.id, passwordHash: await hashed() }),
  ];
  const contact = await createContact(prisma, { accountId: a.id, name: "Dana Quill", email: "dana@quill.test" });
  const [summary, notes, quote] = SECRETS.itCandidA;
  const interaction = await createInteraction(prisma, {
    accountId: a.id,
    loggedById: rmA.id,
    occurredAt: new Date(Date.now() - 7 * 86_400_000),
    summary,
    notes,
    sentiment: "NEGATIVE",
    quotes: [{ side: "BUSINESS", text: quote }],
    contactIds: [contact.id],
    userIds: [rmA.id],
  });
  const followUp = await prisma.followUp.create({ data: buildFollowUp({ accountId: a.id, interactionId: interaction.id, description: "Send the roadmap", owedBy: "IT" }) });
  const rating = await createRating(prisma, { accountId: a.id, userId: clientA.id, overall: 2, recommend: 3, comment: SECRETS.ratingCommentA });
  const users = { admin, cio, rmA, otherRm, clientA, clientB };
  const actors: Record<ActorKey, Actor | null> = {
    anonymous: null,
    clientA: actorOf(clientA),
    clientB: actorOf(clientB),
    rmA: actorOf(rmA),
    otherRm: actorOf(otherRm),
    cio: actorOf(cio),
    admin: actorOf(admin),
  };
  return { a, b, contact, interaction, followUp, rating, users, actors, admin: actorOf(admin) };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
