import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "../data/errors";

/** For pages: the data layer's NotFoundError becomes Next's 404 page. */
export async function notFoundOnMissing<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
