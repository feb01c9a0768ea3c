import "server-only";
import { cookies } from "next/headers";
import { encodeFlash, FLASH_COOKIE, FLASH_MAX_AGE_SECONDS } from "./flash-cookie";

/** Leaves `notice` for the Toaster to show once, on the page a redirect leads to. */
export async function setFlash(notice: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash(notice), { path: "/", maxAge: FLASH_MAX_AGE_SECONDS, sameSite: "lax" });
}
