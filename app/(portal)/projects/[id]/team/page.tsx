import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { addTeamMemberAction, inviteToTeamAction, removeTeamMemberAction } from "@/lib/projects/actions";
import { getProjectTeam } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { TeamMemberForm } from "@/components/projects/TeamMemberForm";
import { TeamInviteForm } from "@/components/projects/TeamInviteForm";
import { formatDate } from "@/lib/format";
import { BackLink } from "@/components/ui/Panels";
import { TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Project team" };

type Props = { params: Promise<{ id: string }> };

export default async function ProjectTeamPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/team`);
  const team = await orNotFound(getProjectTeam(viewer, id));
  return (
    <>
      <BackLink href={`/projects/${id}`}>{team.title}</BackLink>
      <h1>Project team</h1>
      {team.team.length === 0 ? (
        <p>Nobody is listed on the team yet.</p>
      ) : (
        <table className="mb-8 w-full border-collapse bg-white text-left">
          <caption className="sr-only">Team members</caption>
          <TableHead cell="p-2" columns={["Name", "Role", { label: <span className="sr-only">Actions</span> }]} />
          <tbody>
            {team.team.map((m) => (
              <tr key={m.id} className="border-b border-nhs-grey-4">
                <th scope="row" className="p-2 font-normal">
                  {m.name}
                  {!m.portalUser && <span className="block text-sm text-nhs-secondary-text">No portal account</span>}
                </th>
                <td className="p-2">{m.role || "–"}</td>
                <td className="p-2">
                  <form action={removeTeamMemberAction}>
                    <input type="hidden" name="projectId" value={id} />
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" className="cursor-pointer text-nhs-blue underline">
                      Remove<span className="sr-only"> {m.name} from the team</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {team.invitations.length > 0 && (
        <>
          <h2>Invited, not joined yet</h2>
          <ul className="mb-8 list-disc pl-6">
            {team.invitations.map((i) => (
              <li key={i.id}>
                {i.email}, as {i.role === "PATIENT" ? "a patient partner" : "a member of staff"} (invitation open until{" "}
                {formatDate(i.expiresAt)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Add someone to the team</h2>
      <TeamMemberForm action={addTeamMemberAction} projectId={id} candidates={team.candidates} />
      <h2 className="mt-8">Invite someone by email</h2>
      <TeamInviteForm action={inviteToTeamAction} projectId={id} collaborativeName={team.collaborativeName} />
    </>
  );
}
