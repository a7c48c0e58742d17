import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { listCollaborativeChoices, listOrganisationChoices } from "@/lib/accounts/queries";
import { registerStaffAction, requestStaffMembershipAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { PASSWORD_HINT } from "@/components/accounts/password-hint";
import { BackLink, InsetText } from "@/components/ui/Panels";
import { Button } from "@/components/ui/Button";
import { ChoiceField } from "@/components/ui/Field";

export const metadata: Metadata = { title: "Ask to join as a member of staff" };

type Props = { searchParams: Promise<{ collaborative?: string; step?: string }> };

function domainsText(domains: string[]) {
  return domains.map((d) => `@${d}`).join(" or ");
}

export default async function RegisterStaffPage({ searchParams }: Props) {
  const viewer = await getViewer();
  const { collaborative: slug, step } = await searchParams;
  const collaboratives = await listCollaborativeChoices(viewer);
  const chosen = collaboratives.find((c) => c.slug === slug);

  if (!chosen) {
    // Step 1: which collaborative (a GET form, so it works without JavaScript).
    return (
      <div className="max-w-2xl">
        <h1>Ask to join as a member of staff</h1>
        <p>If a collaborative&apos;s lead has invited you, use the link in your invitation email instead.</p>
        <form method="get" action="/register/staff">
          <input type="hidden" name="step" value="collaborative" />
          <ChoiceField
            name="collaborative"
            label="Which collaborative does your organisation belong to?"
            error={
              step === "collaborative" || slug !== undefined ? "Select the collaborative you work with" : undefined
            }
            options={collaboratives.map((c) => ({
              value: c.slug,
              label: c.name,
              hint: c.allowedEmailDomains.length
                ? `Work email addresses ending ${domainsText(c.allowedEmailDomains)}`
                : "By invitation only",
            }))}
          />
          <Button>Continue</Button>
        </form>
      </div>
    );
  }

  const organisations = await listOrganisationChoices(viewer, chosen.id);
  const organisationField = {
    name: "organisationId",
    label: "Your organisation",
    type: "select" as const,
    placeholder: "Choose your organisation",
    options: organisations.map((o) => ({ value: o.id, label: o.name })),
    hint: "If your organisation is not listed, ask the collaborative's lead to add it and invite you.",
  };
  const jobTitleField = { name: "jobTitle", label: "Job title (optional)", autoComplete: "organization-title" };
  return (
    <div className="max-w-2xl">
      <BackLink href="/register/staff">Choose a different collaborative</BackLink>
      <h1>Ask to join {chosen.name}</h1>
      {chosen.allowedEmailDomains.length === 0 ? (
        <p>This collaborative adds staff by invitation only. Ask its lead to invite you.</p>
      ) : viewer.userId ? (
        <>
          <p>
            You are signed in as {viewer.email}. A lead will check your request before you can work on the
            collaborative&apos;s projects.
          </p>
          <AccountForm
            action={requestStaffMembershipAction}
            hidden={{ collaborativeId: chosen.id }}
            fields={[organisationField, jobTitleField]}
            submitLabel="Ask to join"
          />
        </>
      ) : (
        <>
          <InsetText>
            <p className="mb-0">
              Use your work email address ending {domainsText(chosen.allowedEmailDomains)}. A lead will check your
              request before you can work on the collaborative&apos;s projects.
            </p>
          </InsetText>
          <AccountForm
            action={registerStaffAction}
            hidden={{ collaborativeId: chosen.id }}
            fields={[
              { name: "name", label: "Full name", autoComplete: "name" },
              { name: "email", label: "Work email address", type: "email", autoComplete: "email" },
              organisationField,
              jobTitleField,
              {
                name: "password",
                label: "Create a password",
                hint: PASSWORD_HINT,
                type: "password",
                autoComplete: "new-password",
              },
              { name: "confirmPassword", label: "Confirm password", type: "password", autoComplete: "new-password" },
            ]}
            submitLabel="Create account and ask to join"
          />
          <p>
            Already have an account?{" "}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/register/staff?collaborative=${chosen.slug}`)}`}>
              Sign in
            </Link>{" "}
            to ask to join.
          </p>
        </>
      )}
    </div>
  );
}
