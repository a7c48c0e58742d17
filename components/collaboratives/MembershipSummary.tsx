import Link from "next/link";
import type { MembershipSummary as Summary } from "@/lib/collaboratives/queries";
import { formatNumber, pluralise } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

/** For leads: who the members are by organisation and role, and what is waiting for them. */
export function MembershipSummary({ summary, slug }: { summary: Summary; slug: string }) {
  return (
    <section aria-labelledby="membership-summary" className="mb-8 border-l-[10px] border-nhs-blue bg-white p-4 sm:p-6">
      <h2 id="membership-summary">Members</h2>
      <p>
        {pluralise(summary.active, "active member")}.{" "}
        <strong>{pluralise(summary.pending, "request")} waiting for approval</strong> and{" "}
        {pluralise(summary.openInvitations, "invitation")} not yet accepted.
      </p>
      {summary.byOrganisation.length > 0 && (
        <ScrollableTable label="Active members by organisation and role">
          <table className="mb-6 w-full border-collapse text-left text-base">
            <caption className="sr-only">Active members by organisation and role</caption>
            <TableHead
              cell="p-2"
              columns={[
                "Organisation",
                { label: "Patients and carers", numeric: true },
                { label: "Staff", numeric: true },
                { label: "Leads", numeric: true },
                { label: "Total", numeric: true },
              ]}
            />
            <tbody>
              {summary.byOrganisation.map((row) => (
                <tr key={row.organisationId ?? "none"} className="border-b border-nhs-grey-4">
                  <th scope="row" className="p-2 font-normal">
                    {row.organisation}
                  </th>
                  <td className="p-2 text-right">{formatNumber(row.counts.PATIENT)}</td>
                  <td className="p-2 text-right">{formatNumber(row.counts.STAFF)}</td>
                  <td className="p-2 text-right">{formatNumber(row.counts.LEAD)}</td>
                  <td className="p-2 text-right">{formatNumber(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p className="mb-0">
        <Link href={`/collaboratives/${slug}/members`}>Manage members, requests and invitations</Link>
      </p>
    </section>
  );
}
