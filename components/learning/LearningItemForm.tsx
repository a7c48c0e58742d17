"use client";
import { saveLearningItemAction } from "@/lib/learning/actions";
import { LEARNING_TYPES, learningTypeHint, learningTypeLabel } from "@/lib/learning/labels";
import type { LearningFormOptions } from "@/lib/learning/queries";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { MarkdownBody } from "./MarkdownBody";
import { useFormAction } from "@/components/ui/use-form-action";

export type LearningFormItem = {
  id: string;
  version: number;
  type: string;
  collaborativeId: string | null;
  title: string;
  summary: string;
  body: string;
  resourceUrl: string | null;
  tags: string[];
  priorityAreaIds: string[];
  pathwayStageIds: string[];
  projectId: string | null;
  measureId: string | null;
};

/**
 * Writing and editing learning. "Preview" shows the Markdown as it will be published (rendered by the
 * same sanitising component); it is a submit button, so it works without JavaScript too.
 */
export function LearningItemForm({ options, item }: { options: LearningFormOptions; item?: LearningFormItem }) {
  const { state, formAction, pending, errors } = useFormAction(saveLearningItemAction);
  const v = (name: string, fallback: string | null | undefined = "") => state.values?.[name] ?? fallback ?? "";
  const preview = state.data?.preview;
  const isNationalNote = (item?.type ?? v("type")) === "NATIONAL_NOTE";
  const types = LEARNING_TYPES.filter((t) =>
    item
      ? (item.type === "NATIONAL_NOTE") === (t === "NATIONAL_NOTE")
      : t === "NATIONAL_NOTE"
        ? options.canWriteNationalNotes
        : options.collaboratives.length > 0,
  );
  const repeated = Object.values(errors).includes(state.message ?? "");

  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={repeated ? undefined : state.message} />
      {item && (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
        </>
      )}
      <ChoiceField
        name="type"
        label="What kind of learning is this?"
        error={errors.type}
        defaultValue={v("type", item?.type ?? (types.length === 1 ? types[0] : ""))}
        options={types.map((t) => ({ value: t, label: learningTypeLabel[t], hint: learningTypeHint[t] }))}
      />
      {!item &&
        (options.collaboratives.length > 1 ? (
          <SelectField
            name="collaborativeId"
            label="Which collaborative is it from?"
            hint="Leave this as it is for a national note."
            error={errors.collaborativeId}
            defaultValue={v("collaborativeId")}
            placeholder={options.canWriteNationalNotes ? "None (national note)" : "Select a collaborative"}
            options={options.collaboratives.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : (
          options.collaboratives[0] && (
            <input type="hidden" name="collaborativeId" value={options.collaboratives[0].id} />
          )
        ))}
      <TextField
        name="title"
        label="Title"
        hint="Say what the change or lesson is, in plain words."
        error={errors.title}
        defaultValue={v("title", item?.title)}
        maxLength={200}
      />
      <TextArea
        name="summary"
        label="Summary"
        hint="One or two sentences: what you did and what happened. This is what people see in search results."
        error={errors.summary}
        defaultValue={v("summary", item?.summary)}
        rows={3}
        maxLength={600}
      />
      <TextArea
        name="body"
        label="The full write-up (optional)"
        hint={
          <>
            Use Markdown: ## for a heading, **bold**, - for a list, [words](https://link) for a link. HTML is not
            allowed. Use &ldquo;Preview&rdquo; to check how it will look.
          </>
        }
        error={errors.body}
        defaultValue={v("body", item?.body)}
        rows={14}
        maxLength={50_000}
      />
      {preview !== undefined && (
        <section aria-labelledby="preview-heading" className="mb-8 border-4 border-nhs-grey-3 bg-nhs-grey-5 p-4">
          <h2 id="preview-heading" className="text-xl">
            Preview of the write-up
          </h2>
          {preview.trim() ? <MarkdownBody markdown={preview} /> : <p>The write-up is empty.</p>}
        </section>
      )}
      <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
        Preview
      </Button>
      <TextField
        name="resourceUrl"
        label="Link to the tool or resource"
        hint="Needed for a tool or resource; optional otherwise. For example https://www.england.nhs.uk/patient-safety/"
        error={errors.resourceUrl}
        defaultValue={v("resourceUrl", item?.resourceUrl)}
        type="url"
        spellCheck={false}
      />
      <TextField
        name="tags"
        label="Tags (optional)"
        hint="Words people might search for, separated by commas. For example: huddle, dementia, night shift"
        error={errors.tags}
        defaultValue={v("tags", item?.tags.join(", "))}
      />
      <ChoiceField
        name="priorityAreaIds"
        label="Which priority areas does it help with?"
        hint="Select all that apply."
        multiple
        error={errors.priorityAreaIds}
        defaultValue={v("priorityAreaIds", item?.priorityAreaIds.join(","))}
        options={options.priorityAreas.map((p) => ({ value: p.id, label: p.name, hint: p.hint }))}
      />
      <ChoiceField
        name="pathwayStageIds"
        label="Which stages of the patient’s pathway? (optional)"
        multiple
        inline
        error={errors.pathwayStageIds}
        defaultValue={v("pathwayStageIds", item?.pathwayStageIds.join(","))}
        options={options.stages.map((s) => ({ value: s.id, label: s.name }))}
      />
      {!isNationalNote && (options.projects.length > 0 || item?.projectId) && (
        <>
          <SelectField
            name="projectId"
            label="Which project is it from? (optional)"
            error={errors.projectId}
            defaultValue={v("projectId", item?.projectId)}
            placeholder="No project"
            options={options.projects.map((p) => ({ value: p.id, label: p.title }))}
          />
          <SelectField
            name="measureId"
            label="Which measure shows the evidence? (optional)"
            hint="The item will show this measure's chart and whether it shows special-cause improvement. Change ideas should have one."
            error={errors.measureId}
            defaultValue={v("measureId", item?.measureId)}
            placeholder="No measure"
            options={options.measures.map((m) => ({ value: m.id, label: m.label }))}
          />
        </>
      )}
      <Button type="submit" name="intent" value="save" disabled={pending}>
        {item ? "Save changes" : "Save as a draft"}
      </Button>
    </form>
  );
}
