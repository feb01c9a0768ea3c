import type { DefaultSession } from "next-auth";
import type { Role } from "../generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role; signedInAt: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** Epoch milliseconds of the sign-in; absent in sessions from before it was recorded. */
    signedInAt?: number;
  }
}
