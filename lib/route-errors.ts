import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * For pages (the one way): a record the viewer may not see, or that does not exist, renders the
 * not-found page — the same answer for both, so that existence is not revealed. Pages whose very
 * address is public (a dashboard) may pass `{ forbidden: "403" }` to show the 403 page for a
 * missing role instead. Other errors go to the error page.
 */
export async function orNotFound<T>(work: Promise<T>, options: { forbidden?: "404" | "403" } = {}): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ForbiddenError && options.forbidden === "403") forbidden();
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
