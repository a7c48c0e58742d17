import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listTemplatesForAdmin } from "@/lib/templates/queries";
import { orNotFound } from "@/lib/route-errors";
import { doneMessage } from "@/lib/forms/done";
import { SuccessMessage } from "@/components/ui/Panels";
import { ButtonLink } from "@/components/ui/Button";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Project templates" };

type Props = { searchParams: Promise<{ done?: string }> };

export default async function TemplatesPage({ searchParams }: Props) {
  const viewer = await requireViewer("/admin/templates");
  const templates = await orNotFound(listTemplatesForAdmin(viewer));
  const done = doneMessage((await searchParams).done);
  return (
    <>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <h1>Project templates</h1>
      <p className="max-w-3xl">
        Staff starting a project can begin from a template: its standard measures (with their operational definitions
        and the national harm measure each feeds), a driver diagram and suggested change ideas. Editing a template does
        not change projects already started from it.
      </p>
      <ButtonLink href="/admin/templates/new" variant="secondary">
        Add a template
      </ButtonLink>
      <ScrollableTable label="Project templates">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Project templates</caption>
          <TableHead cell="p-2" columns={["Template", "Priority area", "Measures", "Drivers", "Change ideas"]} />
          <tbody>
            {templates.map((t) => (
              <tr key={t.id} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-2 font-normal">
                  <Link href={`/admin/templates/${t.id}`}>{t.name}</Link>
                  <br />
                  <code>{t.key}</code>
                </th>
                <td className="p-2">{t.priorityArea ?? "None"}</td>
                <td className="p-2">{t.measureCount}</td>
                <td className="p-2">{t.driverCount}</td>
                <td className="p-2">{t.ideaCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}
