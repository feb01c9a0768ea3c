// next-auth 4 reports a refused credentials sign-in to the browser only as an error code in a
// URL: a throttled attempt throws an error with this code so the login page can say how long
// to wait. It says nothing about the account (the budget is the address's, for any e-mail).
const THROTTLED = "Throttled-";

export const throttledError = (seconds: number) => new Error(`${THROTTLED}${seconds}`);

/** Seconds to wait, from signIn()'s `error`; null for any other failure. */
export function throttledSeconds(error: string | null | undefined): number | null {
  if (!error?.startsWith(THROTTLED)) return null;
  const seconds = Number(error.slice(THROTTLED.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

/** "5 minutes", for the message that says when to try again. */
export function waitText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
