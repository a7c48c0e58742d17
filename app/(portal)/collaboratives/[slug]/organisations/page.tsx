import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listOrganisationsForManagement } from "@/lib/collaboratives/queries";
import { ORGANISATION_TYPE_LABELS } from "@/lib/collaboratives/organisation-types";
import { orNotFound } from "@/lib/route-errors";
import { formatNumber } from "@/lib/format";
import { BackLink, Tag } from "@/components/ui/Panels";
import { OrganisationForm } from "@/components/collaboratives/OrganisationForm";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Member organisations" };

export default async function OrganisationsPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/organisations`);
  const { collaborative, organisations } = await orNotFound(listOrganisationsForManagement(viewer, slug));
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</BackLink>
      <h1>Member organisations</h1>
      <p className="max-w-3xl">
        The organisations in the collaborative. Members say which one they work for, projects name the organisations
        taking part, and people raising a concern can choose where it happened.
      </p>
      {organisations.length > 0 && (
        <ScrollableTable label="Member organisations, with their type, ODS code and what is linked to them">
          <table className="mb-8 w-full border-collapse bg-white text-left text-base">
            <caption className="sr-only">
              Member organisations, with their type, ODS code and what is linked to them
            </caption>
            <TableHead
              cell="p-2"
              columns={[
                "Organisation",
                "Type",
                "ODS code",
                { label: "Members", numeric: true },
                { label: "Projects", numeric: true },
                { label: "Concerns", numeric: true },
                { label: <span className="sr-only">Actions</span> },
              ]}
            />
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id} className="border-b border-nhs-grey-4">
                  <th scope="row" className="p-2 font-normal">
                    {o.name} {!o.active && <Tag colour="grey">Left</Tag>}
                  </th>
                  <td className="p-2">{ORGANISATION_TYPE_LABELS[o.type]}</td>
                  <td className="p-2">{o.odsCode ?? "None"}</td>
                  <td className="p-2 text-right">{formatNumber(o.members)}</td>
                  <td className="p-2 text-right">{formatNumber(o.projects)}</td>
                  <td className="p-2 text-right">{formatNumber(o.concerns)}</td>
                  <td className="p-2">
                    <Link href={`/collaboratives/${collaborative.slug}/organisations/${o.id}`}>
                      Change<span className="sr-only"> {o.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <h2>Add an organisation</h2>
      <OrganisationForm collaborativeId={collaborative.id} collaborativeSlug={collaborative.slug} />
    </>
  );
}
