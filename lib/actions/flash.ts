import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { encodeFlash, FLASH_COOKIE, FLASH_MAX_AGE_SECONDS } from "./flash-cookie";

/** Redirects and shows `notice` as a toast on the page the browser lands on. */
export async function redirectWithNotice(path: string, notice: string): Promise<never> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash(notice), { path: "/", maxAge: FLASH_MAX_AGE_SECONDS, sameSite: "lax" });
  redirect(path);
}
