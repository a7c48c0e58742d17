"use client";
import { readConflict } from "@/lib/forms/conflict";
import type { FormState } from "@/lib/forms";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

/** After a lost save race: each field someone else changed, theirs beside yours (nothing was saved). */
export function ConflictList({ state }: { state: FormState }) {
  const changes = readConflict(state);
  if (!changes || changes.length === 0) return null;
  return (
    <ScrollableTable label="What the other person saved" className="mb-8">
      <table className="w-full border-collapse bg-white text-left text-base">
        <caption className="mb-2 text-left font-bold">What the other person saved</caption>
        <TableHead cell="p-2" columns={["Field", "Saved now", "Yours (below)"]} />
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-b border-nhs-grey-4">
              <th scope="row" className="p-2">
                {c.label}
              </th>
              <td className="p-2 whitespace-pre-line">{c.theirs || "(empty)"}</td>
              <td className="p-2 whitespace-pre-line">{c.yours || "(empty)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
