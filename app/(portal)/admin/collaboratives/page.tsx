import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listCollaborativeSettings } from "@/lib/accounts/queries";
import { updateCollaborativeSettingsAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { orNotFound } from "@/lib/route-errors";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Collaboratives" };

export default async function AdminCollaborativesPage() {
  const viewer = await requireViewer("/admin/collaboratives");
  const collaboratives = await orNotFound(listCollaborativeSettings(viewer));
  return (
    <>
      <h1>Collaboratives</h1>
      <p>
        Staff whose work email ends with one of a collaborative&apos;s domains can ask to join it; its leads approve
        them. With no domains, staff join by invitation only.
      </p>
      <ScrollableTable label="Collaboratives and the email domains whose staff may ask to join" className="mb-8">
        <table className="w-full bg-white text-left">
          <caption className="sr-only">Collaboratives and the email domains whose staff may ask to join</caption>
          <TableHead cell="p-3" columns={["Collaborative", "Email domains", "Members"]} />
          <tbody>
            {collaboratives.map((c) => (
              <tr key={c.id} className="border-b border-nhs-grey-4">
                <th scope="row" className="p-3 font-normal">
                  {c.name}
                </th>
                <td className="p-3">
                  {c.allowedEmailDomains.length ? c.allowedEmailDomains.join(", ") : "Invitation only"}
                </td>
                <td className="p-3">
                  <Link href={`/collaboratives/${c.slug}/members`}>
                    Members<span className="sr-only"> of {c.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <h2>Change email domains</h2>
      <div className="max-w-2xl">
        <AccountForm
          action={updateCollaborativeSettingsAction}
          fields={[
            {
              name: "collaborativeId",
              label: "Collaborative",
              type: "select",
              placeholder: "Choose a collaborative",
              options: collaboratives.map((c) => ({ value: c.id, label: c.name })),
            },
            {
              name: "allowedEmailDomains",
              label: "Email domains",
              hint: "Separate domains with commas, for example nhs.net, nhs.uk. Leave empty for invitation only.",
            },
          ]}
          submitLabel="Save"
        />
      </div>
    </>
  );
}
