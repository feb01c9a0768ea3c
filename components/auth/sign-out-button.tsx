"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  return (
    <Button variant={variant} type="button" onClick={() => signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
