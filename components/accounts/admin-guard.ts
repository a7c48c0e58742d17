import { notFound } from "next/navigation";
import { ForbiddenError } from "@/lib/errors";

/** Admin pages: someone without the right sees "page not found", not a hint that the page exists. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}
