/** An id a load balancer or another service sent (a UUID, a trace id): letters, digits and ._:- only, so it cannot forge log lines. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** The request's id: the incoming one when it is a sane token, else a new UUID. */
export function requestIdOf(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
