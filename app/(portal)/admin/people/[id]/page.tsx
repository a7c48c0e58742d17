import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getPersonForDataRequest } from "@/lib/privacy/queries";
import { erasePersonAction } from "@/lib/privacy/actions";
import { ERASE_CONFIRMATION } from "@/lib/privacy/schemas";
import { globalRoleLabel, roleLabel } from "@/lib/accounts/roles";
import { orNotFound } from "@/lib/route-errors";
import { AccountForm } from "@/components/accounts/AccountForm";
import { BackLink, InsetText, SummaryList } from "@/components/ui/Panels";
import { formatDate, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "A person's data" };

type Props = { params: Promise<{ id: string }> };

export default async function PersonDataPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/admin/people/${encodeURIComponent(id)}`);
  const person = await orNotFound(getPersonForDataRequest(viewer, id));
  const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
  return (
    <>
      <BackLink href="/admin">People and roles</BackLink>
      <h1>{person.erasedAt ? "Erased person" : person.name}</h1>
      <SummaryList
        rows={[
          { label: "Email address", value: person.email ?? "Erased" },
          { label: "National role", value: globalRoleLabel(person.globalRole) },
          {
            label: "Collaboratives",
            value:
              person.memberships.length === 0
                ? "None"
                : person.memberships
                    .map(
                      (m) =>
                        `${m.collaborativeName}: ${roleLabel(m.role)}${m.pending ? " (waiting for approval)" : ""}`,
                    )
                    .join("; "),
          },
          { label: "Account created", value: formatDate(person.createdAt) },
          {
            label: "Records",
            value: [
              count(person.counts.concerns, "concern reported", "concerns reported"),
              `${formatNumber(person.counts.concernsWithContact)} with contact details`,
              count(person.counts.projects, "project created", "projects created"),
              count(person.counts.learning, "learning item", "learning items"),
              count(person.counts.comments, "comment", "comments"),
              count(person.counts.ballots, "priority-setting ballot", "priority-setting ballots"),
            ].join(", "),
          },
        ]}
      />

      <h2>Export their data</h2>
      <p>
        A JSON file of everything the portal holds about this person: their account, memberships, the concerns they
        reported (with their contact details), projects, learning, comments, ballots and the audit events about them.
        Use it to answer a subject access request. The download is recorded in the audit log.
      </p>
      <p>
        <a href={`/api/admin/people/${encodeURIComponent(person.id)}/export`} download>
          Download their data (JSON)
          <span className="sr-only"> for {person.erasedAt ? "the erased person" : person.name}</span>
        </a>
      </p>

      <h2>Erase their personal details</h2>
      {person.erasedAt ? (
        <InsetText>
          <p>
            Their personal details were erased on {formatDate(person.erasedAt)}
            {person.erasedBy ? ` by ${person.erasedBy}` : ""}. The de-identified records of their work remain.
          </p>
        </InsetText>
      ) : (
        <>
          <p>When someone asks for their personal details to be erased (UK GDPR article 17), this:</p>
          <ul>
            <li>
              replaces their name and email address, and removes their password, sign-in sessions and linked sign-in
              accounts, so they can no longer sign in
            </li>
            <li>removes their memberships, follows and digests</li>
            <li>erases the contact details of the concerns they reported and unlinks those concerns from them</li>
          </ul>
          <p>
            Their concerns, projects, learning, comments and ballots stay, de-identified, so that the
            collaboratives&apos; records and counts remain true. Export their data first if they also asked for a copy.
            This cannot be undone.
          </p>
          <AccountForm
            action={erasePersonAction}
            hidden={{ userId: person.id }}
            fields={[
              {
                name: "confirm",
                label: `Type ${ERASE_CONFIRMATION} to confirm`,
                width: "max-w-xs",
                autoComplete: "off",
              },
            ]}
            submitLabel="Erase their personal details"
            variant="warning"
          />
        </>
      )}
    </>
  );
}
