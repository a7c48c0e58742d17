import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { listCollaboratives } from "@/lib/collaboratives/queries";
import { formatNumber } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "The 15 collaboratives" };

export default async function CollaborativesPage() {
  const collaboratives = await listCollaboratives(await getViewer());
  return (
    <>
      <h1>The 15 Patient Safety Collaboratives</h1>
      <p className="max-w-3xl">
        Each collaborative is led by the Academic Health Science Network for its area. AHSNs were renamed Health
        Innovation Networks in 2023; both names are shown.
      </p>
      <ScrollableTable label="Collaboratives with their lead network, region and activity">
        <table className="mb-8 w-full border-collapse bg-white text-left text-base">
          <caption className="sr-only">Collaboratives with their lead network, region and activity</caption>
          <TableHead
            cell="p-3"
            columns={[
              "Collaborative",
              "Led by",
              "Region",
              { label: "Active projects", numeric: true },
              { label: "Concerns raised", numeric: true },
              { label: "Published learning", numeric: true },
            ]}
          />
          <tbody>
            {collaboratives.map((c) => (
              <tr key={c.id} className="border-b border-nhs-grey-4">
                <th scope="row" className="p-3 font-normal">
                  <Link href={`/collaboratives/${c.slug}`} className="font-bold">
                    {c.name}
                  </Link>
                </th>
                <td className="p-3">
                  {c.leadAhsn2014}
                  <span className="block text-sm text-nhs-secondary-text">now {c.nameSince2023}</span>
                </td>
                <td className="p-3">{c.region}</td>
                <td className="p-3 text-right">{formatNumber(c.activeProjects)}</td>
                <td className="p-3 text-right">{formatNumber(c.concerns)}</td>
                <td className="p-3 text-right">{formatNumber(c.publishedLearning)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}
