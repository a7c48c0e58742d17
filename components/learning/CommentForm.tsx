"use client";
import { commentAction } from "@/lib/learning/actions";
import { Button } from "@/components/ui/Button";
import { useFormAction } from "@/components/ui/use-form-action";

/** Ask a question, or reply to one. Works without JavaScript; what was typed is kept on an error. */
export function CommentForm({
  learningItemId,
  parentId,
  label,
}: {
  learningItemId: string;
  parentId?: string;
  label: string;
}) {
  const { state, formAction, pending } = useFormAction(commentAction);
  const id = `comment-body-${parentId ?? "new"}`;
  const error = state.fieldErrors?.body ?? state.message;
  return (
    <form action={formAction} className="mb-4">
      <input type="hidden" name="learningItemId" value={learningItemId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <div className={`mb-4 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
        <label htmlFor={id} className="mb-2 block font-bold">
          {label}
        </label>
        {error && (
          <p id={`${id}-error`} className="mb-2 font-bold text-nhs-red">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        )}
        <textarea
          id={id}
          name="body"
          rows={parentId ? 3 : 4}
          maxLength={5000}
          defaultValue={state.values?.body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`block w-full max-w-3xl border-2 bg-white px-2 py-1.5 ${error ? "border-nhs-red" : "border-nhs-grey-1"}`}
        />
      </div>
      <Button variant="secondary" disabled={pending}>
        {parentId ? "Post reply" : "Post question"}
      </Button>
    </form>
  );
}
