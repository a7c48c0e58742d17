"use client";
import { createOrganisationAction, updateOrganisationAction } from "@/lib/collaboratives/actions";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "@/lib/collaboratives/organisation-types";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { ChoiceField, SelectField, TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { ConflictList } from "./ConflictList";
import { useFormAction } from "@/components/ui/use-form-action";
import { SuccessMessage } from "@/components/ui/Panels";

type Existing = { id: string; name: string; type: string; odsCode: string | null; active: boolean; version: number };

const ODS_HINT =
  "Optional. NHS trusts: 3 characters starting with R or T, for example RHM (5 for a site, for example RHM01). GP practices: a letter and 5 numbers, for example J82001. Care homes: 5 characters starting with V or N, for example VM123.";

/** Adds an organisation, or changes one when `existing` is given. */
export function OrganisationForm({
  collaborativeId,
  collaborativeSlug,
  existing,
}: {
  collaborativeId: string;
  collaborativeSlug: string;
  existing?: Existing;
}) {
  const initial: Record<string, string> = existing
    ? {
        name: existing.name,
        type: existing.type,
        odsCode: existing.odsCode ?? "",
        active: String(existing.active),
        version: String(existing.version),
      }
    : {};
  // After adding one, the form starts empty for the next.
  const {
    state,
    formAction: action,
    pending,
    values,
    errors,
    problem,
    field,
  } = useFormAction(existing ? updateOrganisationAction : createOrganisationAction, {
    initial,
    resetOnSuccess: !existing,
  });
  return (
    <form action={action} noValidate>
      {state.ok && <SuccessMessage>{state.message}</SuccessMessage>}
      <ErrorSummary errors={errors} message={problem} />
      <ConflictList state={state} />
      <input type="hidden" name="collaborativeId" value={collaborativeId} />
      <input type="hidden" name="collaborativeSlug" value={collaborativeSlug} />
      {existing && (
        <>
          <input type="hidden" name="organisationId" value={existing.id} />
          <input type="hidden" name="version" value={values.version ?? existing.version} />
        </>
      )}
      <TextField
        {...field("name")}
        label="Name"
        hint="The organisation's full name, for example University Hospital Southampton NHS Foundation Trust"
        maxLength={200}
      />
      <SelectField
        {...field("type")}
        label="Type"
        options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))}
        placeholder="Choose a type"
      />
      <TextField
        {...field("odsCode")}
        label="ODS code"
        hint={ODS_HINT}
        width="w-32"
        maxLength={20}
        spellCheck={false}
      />
      {existing && (
        <ChoiceField
          {...field("active")}
          label="Is it still a member?"
          inline
          options={[
            { value: "true", label: "Yes" },
            {
              value: "false",
              label: "No, it has left",
              hint: "It stays linked to past projects and concerns but is no longer offered in forms",
            },
          ]}
        />
      )}
      <Button disabled={pending}>{existing ? "Save changes" : "Add organisation"}</Button>
    </form>
  );
}
