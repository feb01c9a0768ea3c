import { Prisma } from "../generated/prisma/client";

export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  // Adapters report the target as column names, model field names or a constraint name.
  return JSON.stringify(error.meta ?? {}).toLowerCase().includes(field.toLowerCase());
}
