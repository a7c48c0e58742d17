"use client";
import { ErrorSummary, fieldId } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import type { FormState } from "@/lib/forms";
import type { ImportPreview } from "@/lib/measures/csv";
import { ScrollableTable } from "@/components/ui/ScrollableTable";
import { useFormAction } from "@/components/ui/use-form-action";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  measureId: string;
  valueType: "NUMBER" | "RATE";
  example: string;
};

function readPreview(state: FormState): ImportPreview | null {
  try {
    return state.data?.preview ? (JSON.parse(state.data.preview) as ImportPreview) : null;
  } catch {
    return null;
  }
}

const num = (n: number | null) => (n === null ? "" : String(Number(n.toPrecision(10))));

/**
 * Step 1: upload or paste a CSV and check it. Step 2: the preview lists every row with its problems;
 * only a file with no problems can be imported, and then all of it is (or none, if something changed).
 */
export function CsvImportForm({ action, projectId, measureId, valueType, example }: Props) {
  const { state, formAction, pending } = useFormAction(action);
  const preview = readPreview(state);
  const csv = state.values?.csv ?? "";
  const rowErrors: Record<string, string> = {};
  for (const row of preview?.rows ?? [])
    if (row.errors.length > 0) rowErrors[`row-${row.line}`] = `Line ${row.line}: ${row.errors.join("; ")}`;
  const fileErrors = preview?.fileErrors ?? [];
  const ready = preview !== null && fileErrors.length === 0 && preview.errorCount === 0 && preview.rows.length > 0;
  const summaryMessage =
    fileErrors.length > 0
      ? `Nothing has been imported. ${fileErrors.join(". ")}.`
      : preview && preview.errorCount > 0
        ? `Nothing has been imported: ${preview.errorCount === 1 ? "1 row has a problem" : `${preview.errorCount} rows have problems`}. Fix ${preview.errorCount === 1 ? "it" : "them"} in the file (or in the box below) and check again.`
        : state.ok
          ? undefined
          : state.message;

  return (
    <>
      <ErrorSummary errors={{ ...(state.fieldErrors ?? {}), ...rowErrors }} message={summaryMessage} />
      {ready && (
        <div className="mb-8 border-l-[10px] border-nhs-green bg-white p-4 sm:p-6">
          <h2 className="text-xl sm:text-2xl">
            {preview.rows.length === 1 ? "1 row is" : `${preview.rows.length} rows are`} ready to import
          </h2>
          <p>Check the values below. Nothing has been saved yet.</p>
          <form action={formAction}>
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="measureId" value={measureId} />
            <input type="hidden" name="step" value="confirm" />
            <input type="hidden" name="csv" value={csv} />
            <Button disabled={pending}>
              Import {preview.rows.length === 1 ? "1 row" : `${preview.rows.length} rows`}
            </Button>
          </form>
        </div>
      )}
      {preview && preview.rows.length > 0 && (
        <ScrollableTable label="Preview of the file" className="mb-8">
          <table className="w-full border-collapse bg-white text-left text-base">
            <caption className="mb-2 text-left text-xl font-bold">Preview of the file</caption>
            <thead>
              <tr className="border-b-2 border-nhs-grey-3">
                <th scope="col" className="p-2">
                  Line
                </th>
                <th scope="col" className="p-2">
                  Period
                </th>
                {valueType === "NUMBER" ? (
                  <th scope="col" className="p-2">
                    Value
                  </th>
                ) : (
                  <>
                    <th scope="col" className="p-2">
                      Numerator
                    </th>
                    <th scope="col" className="p-2">
                      Denominator
                    </th>
                    <th scope="col" className="p-2">
                      Rate
                    </th>
                  </>
                )}
                <th scope="col" className="p-2">
                  Note
                </th>
                <th scope="col" className="p-2">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr
                  key={row.line}
                  id={row.errors.length > 0 ? fieldId(`row-${row.line}`) : undefined}
                  tabIndex={row.errors.length > 0 ? -1 : undefined}
                  className={`border-b border-nhs-grey-4 align-top ${row.errors.length > 0 ? "bg-[#f7d4d1]" : ""}`}
                >
                  <th scope="row" className="p-2 font-normal">
                    {row.line}
                  </th>
                  <td className="p-2">{row.periodLabel || row.periodText}</td>
                  {valueType === "NUMBER" ? (
                    <td className="p-2">{num(row.value)}</td>
                  ) : (
                    <>
                      <td className="p-2">{num(row.numerator)}</td>
                      <td className="p-2">{num(row.denominator)}</td>
                      <td className="p-2">{num(row.value)}</td>
                    </>
                  )}
                  <td className="p-2">{row.note}</td>
                  <td className="p-2">
                    {row.errors.length === 0 ? (
                      <span>None</span>
                    ) : (
                      <ul className="mb-0 list-disc pl-5 font-bold text-[#6b140e]">
                        {row.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <form action={formAction} noValidate className="bg-white p-4">
        <h2 className="text-xl sm:text-2xl">{preview ? "Check a corrected file" : "Choose the data"}</h2>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="measureId" value={measureId} />
        <input type="hidden" name="step" value="preview" />
        <div className={`mb-6 ${state.fieldErrors?.file ? "border-l-4 border-nhs-red pl-4" : ""}`}>
          <label htmlFor={fieldId("file")} className="mb-2 block font-bold">
            A CSV file
          </label>
          {state.fieldErrors?.file && (
            <p className="mb-2 font-bold text-nhs-red">
              <span className="sr-only">Error: </span>
              {state.fieldErrors.file}
            </p>
          )}
          <input id={fieldId("file")} name="file" type="file" accept=".csv,text/csv" className="block" />
        </div>
        <div className={`mb-6 ${state.fieldErrors?.csv ? "border-l-4 border-nhs-red pl-4" : ""}`}>
          <label htmlFor={fieldId("csv")} className="mb-2 block font-bold">
            Or paste the data
          </label>
          <div id={`${fieldId("csv")}-hint`} className="mb-2 text-nhs-secondary-text">
            The first line names the columns. For example:
            <pre className="mt-1 bg-nhs-grey-5 p-2 text-sm">{example}</pre>
          </div>
          {state.fieldErrors?.csv && (
            <p id={`${fieldId("csv")}-error`} className="mb-2 font-bold text-nhs-red">
              <span className="sr-only">Error: </span>
              {state.fieldErrors.csv}
            </p>
          )}
          <textarea
            id={fieldId("csv")}
            name="csv"
            rows={10}
            defaultValue={csv}
            key={csv}
            aria-describedby={`${fieldId("csv")}-hint${state.fieldErrors?.csv ? ` ${fieldId("csv")}-error` : ""}`}
            className="block w-full max-w-3xl border-2 border-nhs-grey-1 bg-white px-2 py-1.5 font-mono text-sm"
          />
        </div>
        <Button variant={ready ? "secondary" : "primary"} disabled={pending}>
          Check the data
        </Button>
      </form>
    </>
  );
}
