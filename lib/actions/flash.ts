import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE, FLASH_MAX_AGE_SECONDS } from "./flash-cookie";

/** Leaves `notice` for the Toaster to show once, on the page a redirect leads to. */
export async function setFlash(notice: string): Promise<void> {
  // Next URI-encodes the value; the Toaster decodes it.
  (await cookies()).set(FLASH_COOKIE, notice.slice(0, 500), { path: "/", maxAge: FLASH_MAX_AGE_SECONDS, sameSite: "lax" });
}
