/**
 * Optimistic concurrency, made readable: when a save loses the race (the version moved on), the
 * person sees each field where the saved record ("theirs") differs from what they submitted
 * ("yours"), and the form keeps their text with the new version, so saving again is a deliberate
 * choice rather than a silent overwrite. Pure apart from the FormState conversion.
 */
import { ConflictError } from "@/lib/errors";
import { formValues, type FormState } from "./index";

export type FieldChange = { field: string; label: string; theirs: string; yours: string };
export type ConflictDetails = { version: number; changes: FieldChange[] };

/** Fields (in the order of `labels`) whose values differ, compared as trimmed text. */
export function changedFields(
  labels: Record<string, string>,
  theirs: Record<string, unknown>,
  yours: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const a = String(theirs[field] ?? "").trim();
    const b = String(yours[field] ?? "").trim();
    if (a !== b) changes.push({ field, label, theirs: a, yours: b });
  }
  return changes;
}

export class EditConflictError extends ConflictError {
  constructor(readonly details: ConflictDetails) {
    super(
      details.changes.length > 0
        ? "Someone else saved changes to this while you were editing it. Their changes are shown next to yours below: nothing has been saved yet. Check each one, then save again to keep your version."
        : "Someone else saved this while you were editing it (the fields here are unchanged). Save again to keep your version.",
      details,
    );
  }
}

/** The form state for a lost race: their changes in `data.conflict`, your values with the new version. */
export function conflictState(error: EditConflictError, formData: FormData): FormState {
  return {
    ok: false,
    message: error.message,
    values: { ...formValues(formData), version: String(error.details.version) },
    data: { conflict: JSON.stringify(error.details.changes) },
  };
}

export function readConflict(state: FormState): FieldChange[] | null {
  const raw = state.data?.conflict;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as FieldChange[];
  } catch {
    return null;
  }
}
