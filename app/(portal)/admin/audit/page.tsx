import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listAuditEvents } from "@/lib/accounts/queries";
import { auditFilterSchema } from "@/lib/accounts/schemas";
import { orNotFound } from "@/lib/route-errors";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<{ action?: string; page?: string }> };

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await requireViewer("/admin/audit");
  const filter = auditFilterSchema.parse(await searchParams);
  const result = await orNotFound(listAuditEvents(viewer, filter));
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every sign-in, failed sign-in, role change, invitation and change to records, newest first. The log cannot be
        edited.
      </p>
      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-4">
        <SelectField
          name="action"
          label="Show"
          placeholder="All events"
          defaultValue={filter.action}
          options={result.actions.map((a) => ({ value: a, label: a }))}
        />
        <Button variant="secondary">Filter</Button>
      </form>
      <p>
        {formatNumber(result.total)} {result.total === 1 ? "event" : "events"}
      </p>
      <ScrollableTable label="Audit events, newest first">
        <table className="w-full bg-white text-left text-base">
          <caption className="sr-only">Audit events, newest first</caption>
          <TableHead cell="p-2" columns={["When", "Event", "By", "Record", "Collaborative", "IP address", "Details"]} />
          <tbody>
            {result.events.map((e) => (
              <tr key={e.id} className="border-b border-nhs-grey-4 align-top">
                <td className="p-2 whitespace-nowrap">{formatDateTime(e.at)}</td>
                <th scope="row" className="p-2 font-normal">
                  {e.action}
                </th>
                <td className="p-2">{e.actor}</td>
                <td className="p-2 break-all">{e.subject}</td>
                <td className="p-2">{e.collaborative ?? ""}</td>
                <td className="p-2">{e.ip ?? ""}</td>
                <td className="p-2 break-all font-mono text-sm">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <Pagination
        page={filter.page}
        pageCount={result.pageCount}
        hrefFor={(p) =>
          `/admin/audit?${new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), page: String(p) }).toString()}`
        }
      />
    </>
  );
}
