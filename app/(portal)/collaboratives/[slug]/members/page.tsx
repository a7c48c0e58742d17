import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getMembersPage } from "@/lib/accounts/queries";
import { orNotFound } from "@/lib/route-errors";
import { roleLabel } from "@/lib/accounts/roles";
import { membershipRoles } from "@/lib/accounts/schemas";
import {
  approveMembershipAction,
  changeMemberRoleAction,
  declineMembershipAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { InlineActionForm } from "@/components/accounts/InlineActionForm";
import { formatDate, pluralise } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";
import { SuccessMessage } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  approved: "Request approved.",
  declined: "Request declined.",
  "role-changed": "Role changed.",
  removed: "Member removed.",
  withdrawn: "Invitation withdrawn.",
};

const roleOptions = membershipRoles.map((r) => ({ value: r, label: roleLabel(r) }));

export default async function MembersPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/collaboratives/${slug}/members`);
  const page = await orNotFound(getMembersPage(viewer, slug));
  const hidden = { slug: page.collaborative.slug };
  return (
    <>
      <h1>Members of {page.collaborative.name}</h1>
      {done && DONE[done] && <SuccessMessage>{DONE[done]}</SuccessMessage>}
      <p>
        {pluralise(page.counts.LEAD, "lead")}, {pluralise(page.counts.STAFF, "staff member")},{" "}
        {pluralise(page.counts.PATIENT, "patient or carer", "patients and carers")}.
        {page.collaborative.allowedEmailDomains.length > 0 && (
          <>
            {" "}
            Staff with email addresses ending {page.collaborative.allowedEmailDomains
              .map((d) => `@${d}`)
              .join(" or ")}{" "}
            can ask to join.
          </>
        )}
      </p>

      <h2>Requests to join</h2>
      {page.pending.length === 0 ? (
        <p>No one is waiting for approval.</p>
      ) : (
        <ScrollableTable label="Requests to join" className="mb-8">
          <table className="w-full bg-white text-left">
            <caption className="sr-only">Requests to join, waiting for approval</caption>
            <TableHead cell="p-3" columns={["Name", "Organisation and job", "Asked on", "Decision"]} />
            <tbody>
              {page.pending.map((m) => (
                <tr key={m.membershipId} className="border-b border-nhs-grey-4 align-top">
                  <th scope="row" className="p-3 font-normal">
                    <strong>{m.name}</strong>
                    <br />
                    {m.email}
                  </th>
                  <td className="p-3">{[m.jobTitle, m.organisationName].filter(Boolean).join(", ") || "Not given"}</td>
                  <td className="p-3">{formatDate(m.joinedAt)}</td>
                  <td className="p-3">
                    <InlineActionForm
                      action={approveMembershipAction}
                      hidden={{ ...hidden, membershipId: m.membershipId }}
                      submitLabel="Approve"
                      accessibleLabel={`Approve ${m.name}`}
                      variant="primary"
                    />
                    <InlineActionForm
                      action={declineMembershipAction}
                      hidden={{ ...hidden, membershipId: m.membershipId }}
                      submitLabel="Decline"
                      accessibleLabel={`Decline ${m.name}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}

      <h2>Members</h2>
      {page.groups.map((group) => (
        <ScrollableTable key={group.organisationName} label={`Members: ${group.organisationName}`} className="mb-8">
          <table className="w-full bg-white text-left">
            <caption className="mb-2 text-left text-xl font-bold">{group.organisationName}</caption>
            <TableHead cell="p-3" columns={["Name", "Role", "Remove"]} />
            <tbody>
              {group.members.map((m) => (
                <tr key={m.membershipId} className="border-b border-nhs-grey-4 align-top">
                  <th scope="row" className="p-3 font-normal">
                    <strong>{m.name}</strong>
                    <br />
                    {m.email}
                    {m.jobTitle && (
                      <>
                        <br />
                        {m.jobTitle}
                      </>
                    )}
                  </th>
                  <td className="p-3">
                    {m.userId === viewer.userId && viewer.globalRole !== "ADMIN" ? (
                      roleLabel(m.role)
                    ) : (
                      <InlineActionForm
                        action={changeMemberRoleAction}
                        hidden={{ ...hidden, membershipId: m.membershipId }}
                        select={{
                          name: "role",
                          label: `Role of ${m.name}`,
                          options: roleOptions,
                          defaultValue: m.role,
                        }}
                        submitLabel="Change role"
                        accessibleLabel={`Change role of ${m.name}`}
                      />
                    )}
                  </td>
                  <td className="p-3">
                    {m.userId === viewer.userId && viewer.globalRole !== "ADMIN" ? (
                      "You"
                    ) : (
                      <InlineActionForm
                        action={removeMemberAction}
                        hidden={{ ...hidden, membershipId: m.membershipId }}
                        submitLabel="Remove"
                        accessibleLabel={`Remove ${m.name}`}
                        variant="warning"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ))}

      <h2>Invitations</h2>
      {page.invitations.length === 0 ? (
        <p>No invitations are waiting to be accepted.</p>
      ) : (
        <ScrollableTable label="Invitations waiting to be accepted" className="mb-8">
          <table className="w-full bg-white text-left">
            <caption className="sr-only">Invitations waiting to be accepted</caption>
            <TableHead cell="p-3" columns={["Email address", "Role", "Expires", "Withdraw"]} />
            <tbody>
              {page.invitations.map((i) => (
                <tr key={i.id} className="border-b border-nhs-grey-4 align-top">
                  <th scope="row" className="p-3 font-normal">
                    {i.email}
                  </th>
                  <td className="p-3">
                    {roleLabel(i.role)}
                    {i.organisationName && <>, {i.organisationName}</>}
                  </td>
                  <td className="p-3">{formatDate(i.expiresAt)}</td>
                  <td className="p-3">
                    <InlineActionForm
                      action={revokeInvitationAction}
                      hidden={{ ...hidden, invitationId: i.id }}
                      submitLabel="Withdraw"
                      accessibleLabel={`Withdraw invitation to ${i.email}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}

      <h2>Invite someone</h2>
      <div className="max-w-2xl">
        <AccountForm
          action={inviteMemberAction}
          hidden={{ ...hidden, collaborativeId: page.collaborative.id }}
          fields={[
            { name: "email", label: "Their email address", type: "email", autoComplete: "off" },
            { name: "role", label: "Role", type: "radios", options: roleOptions, defaultValue: "STAFF" },
            {
              name: "organisationId",
              label: "Organisation",
              hint: "Needed for staff and leads.",
              type: "select",
              placeholder: "No organisation",
              options: page.organisations.map((o) => ({ value: o.id, label: o.name })),
            },
          ]}
          submitLabel="Send invitation"
        />
      </div>
    </>
  );
}
