import type { FieldChange } from "@/lib/forms/conflict";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

/** After a lost save: each field where the saved version differs from the person's, side by side. */
export function ConflictChanges({ changes }: { changes: FieldChange[] | null }) {
  if (!changes || changes.length === 0) return null;
  return (
    <div className="mb-8 border-l-[10px] border-nhs-warm-yellow bg-white p-4 sm:p-6">
      <h2 className="text-xl sm:text-2xl">What changed since you opened this page</h2>
      <p>
        Nothing you typed has been lost. Compare the saved version with yours, change the form below if you need to,
        then save again.
      </p>
      <ScrollableTable label="Saved version and your version, field by field">
        <table className="w-full border-collapse text-left text-base">
          <caption className="sr-only">Saved version and your version, field by field</caption>
          <TableHead cell="p-2" columns={["Field", "Saved by someone else", "Yours (not saved yet)"]} />
          <tbody>
            {changes.map((c) => (
              <tr key={c.field} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-2">
                  {c.label}
                </th>
                <td className="whitespace-pre-wrap p-2">
                  {c.theirs || <span className="text-nhs-secondary-text">(empty)</span>}
                </td>
                <td className="whitespace-pre-wrap p-2">
                  {c.yours || <span className="text-nhs-secondary-text">(empty)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </div>
  );
}
