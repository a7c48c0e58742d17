import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { findCollaborativesForPostcode, listCollaborativeChoices } from "@/lib/accounts/queries";
import { postcodeSchema } from "@/lib/accounts/schemas";
import { registerPatientAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { PASSWORD_HINT } from "@/components/accounts/password-hint";
import { InsetText } from "@/components/ui/Panels";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

export const metadata: Metadata = { title: "Create an account as a patient or carer" };

type Props = { searchParams: Promise<{ postcode?: string }> };

export default async function RegisterPatientPage({ searchParams }: Props) {
  const viewer = await getViewer();
  const { postcode } = await searchParams;
  const collaboratives = await listCollaborativeChoices(viewer);
  const parsedPostcode = postcode !== undefined ? postcodeSchema.safeParse({ postcode }) : null;
  const match = parsedPostcode?.success
    ? await findCollaborativesForPostcode(viewer, parsedPostcode.data.postcode)
    : null;
  const postcodeError =
    parsedPostcode && !parsedPostcode.success
      ? parsedPostcode.error.issues[0]?.message
      : parsedPostcode && !match
        ? "We could not find that postcode area in England. Choose your collaborative from the list."
        : undefined;
  return (
    <div className="max-w-2xl">
      <h1>Create an account as a patient or carer</h1>
      <h2>Find your local collaborative</h2>
      {/* A GET form: the guess comes back as a pre-selected choice the person checks and confirms. */}
      <form method="get" action="/register/patient">
        <TextField
          name="postcode"
          label="Your postcode, or the first part of it"
          hint="For example, LS1 4AP or LS1"
          autoComplete="postal-code"
          width="max-w-40"
          defaultValue={postcode}
          error={postcodeError}
        />
        <Button variant="secondary">Find my collaborative</Button>
      </form>
      {match && (
        <InsetText>
          <p className="mb-2">
            Postcode area <strong>{match.area}</strong> ({match.place}) is mostly covered by{" "}
            <strong>{match.likely.name}</strong>. We have chosen it below: check it is right.
          </p>
          {match.alsoPossible.length > 0 && (
            <p className="mb-0">
              Part of this area is covered by {match.alsoPossible.map((c) => c.name).join(" and ")}. Choose that instead
              if it is yours.
            </p>
          )}
        </InsetText>
      )}
      <h2>Your details</h2>
      <AccountForm
        action={registerPatientAction}
        fields={[
          {
            name: "collaborativeId",
            label: "Your local collaborative",
            type: "select",
            placeholder: "Choose a collaborative",
            defaultValue: match?.likely.id,
            options: collaboratives.map((c) => ({ value: c.id, label: `${c.name} (${c.region})` })),
          },
          { name: "name", label: "Full name", autoComplete: "name" },
          {
            name: "email",
            label: "Email address",
            hint: "We will only use it for your account and your concerns.",
            type: "email",
            autoComplete: "email",
          },
          {
            name: "password",
            label: "Create a password",
            hint: PASSWORD_HINT,
            type: "password",
            autoComplete: "new-password",
          },
          { name: "confirmPassword", label: "Confirm password", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel="Create account"
      />
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
