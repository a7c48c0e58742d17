import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listUsers } from "@/lib/accounts/queries";
import { globalRoles } from "@/lib/accounts/schemas";
import { globalRoleLabel, roleLabel } from "@/lib/accounts/roles";
import { setGlobalRoleAction } from "@/lib/accounts/actions";
import { InlineActionForm } from "@/components/accounts/InlineActionForm";
import { orNotFound } from "@/lib/route-errors";
import { notDeliveredNotifications } from "@/lib/notifications/queries";
import { NotDeliveredPanel } from "@/components/notifications/NotDelivered";
import { Pagination } from "@/components/ui/Pagination";
import { TextField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { formatNumber } from "@/lib/format";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "People and roles" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

const roleOptions = globalRoles.map((r) => ({ value: r, label: globalRoleLabel(r) }));

export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await requireViewer("/admin");
  const { q, page: rawPage } = await searchParams;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(rawPage ?? "1", 10) || 1));
  const query = typeof q === "string" ? q.slice(0, 200) : undefined;
  const result = await orNotFound(listUsers(viewer, { q: query, page }));
  const failures = await notDeliveredNotifications(viewer);
  return (
    <>
      <h1>People and roles</h1>
      <NotDeliveredPanel failures={failures} who="people across the portal" />
      <p>
        National roles apply across every collaborative. Roles within a collaborative are managed by its leads on its
        members page.
      </p>
      <form method="get" action="/admin" className="flex flex-wrap items-end gap-4">
        <TextField name="q" label="Search by name or email" defaultValue={query} width="max-w-md" />
        <Button variant="secondary">Search</Button>
      </form>
      <p>
        {formatNumber(result.total)} {result.total === 1 ? "person" : "people"}
      </p>
      <ScrollableTable label="People with an account">
        <table className="w-full bg-white text-left">
          <caption className="sr-only">People with an account</caption>
          <TableHead cell="p-3" columns={["Name", "Collaboratives", "National role"]} />
          <tbody>
            {result.users.map((u) => (
              <tr key={u.id} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-3 font-normal">
                  <a href={`/admin/people/${u.id}`}>
                    <strong>{u.name}</strong>
                  </a>
                  <br />
                  {u.erased ? "Erased" : u.email}
                </th>
                <td className="p-3">
                  {u.memberships.length === 0 ? (
                    "None"
                  ) : (
                    <ul className="mb-0">
                      {u.memberships.map((m) => (
                        <li key={m.collaborativeName}>
                          {m.collaborativeName}: {roleLabel(m.role)}
                          {m.pending ? " (waiting for approval)" : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="p-3">
                  {u.id === viewer.userId ? (
                    globalRoleLabel(u.globalRole)
                  ) : (
                    <InlineActionForm
                      action={setGlobalRoleAction}
                      hidden={{ userId: u.id }}
                      select={{
                        name: "globalRole",
                        label: `National role of ${u.name}`,
                        options: roleOptions,
                        defaultValue: u.globalRole,
                      }}
                      submitLabel="Change"
                      accessibleLabel={`Change national role of ${u.name}`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <Pagination
        page={page}
        pageCount={result.pageCount}
        hrefFor={(p) => `/admin?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) }).toString()}`}
      />
    </>
  );
}
