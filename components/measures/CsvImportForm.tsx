"use client";
import { ErrorSummary, fieldId } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { ChoiceField, SelectField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { formatDecimal, pluralise } from "@/lib/format";
import { COLUMN_LABELS, columnRoles, requiredRoles, type ColumnRole } from "@/lib/measures/csv-columns";
import type { ExistingPoint, ImportPreview, ImportRow } from "@/lib/measures/csv";
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

// As the measure's data table shows values (components/charts/MeasureDataTable.tsx): at most 2 decimals.
const num = (n: number | null) => (n === null ? "" : formatDecimal(n, 2));

const COLUMN_FIELDS: Record<ColumnRole, string> = {
  period: "columnPeriod",
  value: "columnValue",
  numerator: "columnNumerator",
  denominator: "columnDenominator",
  note: "columnNote",
};

/** The hidden fields that carry the file and the choices from one step to the next. */
function CarriedFields({ preview, csv }: { preview: ImportPreview; csv: string }) {
  return (
    <>
      <input type="hidden" name="csv" value={csv} />
      {(Object.keys(COLUMN_FIELDS) as ColumnRole[]).map((role) => (
        <input key={role} type="hidden" name={COLUMN_FIELDS[role]} value={preview.columns[role] ?? ""} />
      ))}
      <input type="hidden" name="existing" value={preview.existingChoice} />
    </>
  );
}

function outcomeText(row: ImportRow, rate: boolean): string {
  const shown = (p: ExistingPoint) =>
    rate ? `${num(p.value)} (${num(p.numerator)} ÷ ${num(p.denominator)})` : num(p.value);
  switch (row.outcome) {
    case "add":
      return "Added";
    case "replace":
      return `Replaced: ${shown(row.existing!)} → ${shown({ value: row.value!, numerator: row.numerator, denominator: row.denominator, note: row.note })}`;
    case "unchanged":
      return "Unchanged: already saved";
    case "skip":
      return `Skipped: keeps ${shown(row.existing!)}`;
    case "blank":
      return "Left out: no value";
    default:
      return "";
  }
}

function periodList(rows: ImportRow[]): string {
  const labels = rows.map((r) => r.periodLabel);
  return labels.length <= 12 ? labels.join(", ") : `${labels.slice(0, 12).join(", ")} and ${labels.length - 12} more`;
}

/**
 * Step 1: upload or paste a CSV and check it. Step 2: the preview says what will happen to every
 * row; when the headers are not the usual names, the person confirms which column is which, and
 * periods that already have values are kept unless they choose to replace them (old → new shown).
 * Only a file with no problems can be imported, and then all of it is (or none, if something changed).
 */
export function CsvImportForm({ action, projectId, measureId, valueType, example }: Props) {
  const { state, formAction, pending } = useFormAction(action);
  const preview = readPreview(state);
  const csv = state.values?.csv ?? "";
  const rate = valueType === "RATE";
  const rowErrors: Record<string, string> = {};
  for (const row of preview?.rows ?? [])
    if (row.errors.length > 0) rowErrors[`row-${row.line}`] = `Line ${row.line}: ${row.errors.join("; ")}`;
  const fileErrors = preview?.fileErrors ?? [];
  const checked = preview !== null && fileErrors.length === 0 && preview.errorCount === 0 && preview.rows.length > 0;
  const counts = preview?.counts;
  const toImport = counts ? counts.add + counts.replace : 0;
  const alreadyEntered = (preview?.rows ?? []).filter((r) => r.outcome === "skip" || r.outcome === "replace");
  const summaryMessage =
    fileErrors.length > 0
      ? `Nothing has been imported. ${fileErrors.join(". ")}.`
      : preview && preview.errorCount > 0
        ? `Nothing has been imported: ${preview.errorCount === 1 ? "1 row has a problem" : `${preview.errorCount} rows have problems`}. Fix ${preview.errorCount === 1 ? "it" : "them"} in the file (or in the box below) and check again.`
        : state.ok
          ? undefined
          : state.message;
  const columnOptions = (preview?.headers ?? []).map((header, i) => ({
    value: String(i),
    label: `${header || "(no name)"} (column ${i + 1})`,
  }));

  return (
    <>
      <ErrorSummary errors={{ ...(state.fieldErrors ?? {}), ...rowErrors }} message={summaryMessage} />
      {preview && (preview.columnsMatched || alreadyEntered.length > 0) && preview.headers.length > 0 && (
        <form action={formAction} noValidate className="mb-8 bg-white p-4 sm:p-6">
          <h2 className="text-xl sm:text-2xl">Your choices</h2>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="measureId" value={measureId} />
          <input type="hidden" name="step" value="preview" />
          <input type="hidden" name="csv" value={csv} />
          {preview.columnsMatched ? (
            <fieldset className="mb-6">
              <legend className="mb-2 text-lg font-bold">Which column is which</legend>
              <p className="text-nhs-secondary-text">
                The file’s first row does not use the usual column names, so the columns below are our best guess. Check
                them, then check the data again.
              </p>
              {columnRoles(valueType).map((role) => (
                <SelectField
                  key={role}
                  name={COLUMN_FIELDS[role]}
                  label={COLUMN_LABELS[role]}
                  defaultValue={preview.columns[role] === null ? "" : String(preview.columns[role])}
                  placeholder={requiredRoles(valueType).includes(role) ? "Choose a column" : "No note column"}
                  options={columnOptions}
                />
              ))}
            </fieldset>
          ) : (
            (Object.keys(COLUMN_FIELDS) as ColumnRole[]).map((role) => (
              <input key={role} type="hidden" name={COLUMN_FIELDS[role]} value={preview.columns[role] ?? ""} />
            ))
          )}
          {alreadyEntered.length > 0 ? (
            <ChoiceField
              name="existing"
              label={`${pluralise(alreadyEntered.length, "period")} in the file already ${alreadyEntered.length === 1 ? "has a value" : "have values"}`}
              hint={periodList(alreadyEntered)}
              defaultValue={preview.existingChoice}
              options={[
                {
                  value: "keep",
                  label: "Keep existing values and add only new periods",
                  hint: "The file’s rows for these periods are skipped.",
                },
                {
                  value: "replace",
                  label: "Replace existing values with the file’s",
                  hint: "The preview shows each old value and the new one before anything is saved.",
                },
              ]}
            />
          ) : (
            <input type="hidden" name="existing" value={preview.existingChoice} />
          )}
          <Button variant="secondary" disabled={pending}>
            Check the data again
          </Button>
        </form>
      )}
      {checked && counts && (
        <div
          className={`mb-8 border-l-[10px] bg-white p-4 sm:p-6 ${toImport > 0 ? "border-nhs-green" : "border-nhs-blue"}`}
        >
          <h2 className="text-xl sm:text-2xl">
            {toImport === 0
              ? "Nothing to import"
              : toImport === 1
                ? "1 row is ready to import"
                : `${toImport} rows are ready to import`}
          </h2>
          <ul className="list-disc pl-5">
            {counts.add > 0 && <li>{pluralise(counts.add, "new period")} will be added.</li>}
            {counts.replace > 0 && (
              <li>
                {pluralise(counts.replace, "period")} will have {counts.replace === 1 ? "its value" : "their values"}{" "}
                replaced (old → new below).
              </li>
            )}
            {counts.skip > 0 && (
              <li>
                {pluralise(counts.skip, "row")} will be skipped:{" "}
                {counts.skip === 1 ? "its period already has" : "their periods already have"} values, which are kept.
              </li>
            )}
            {counts.unchanged > 0 && (
              <li>
                {pluralise(counts.unchanged, "row")} {counts.unchanged === 1 ? "matches" : "match"} what is already
                saved.
              </li>
            )}
            {counts.blank > 0 && (
              <li>
                {pluralise(counts.blank, "row")} {counts.blank === 1 ? "has" : "have"} no value and will be left out.
              </li>
            )}
          </ul>
          {toImport > 0 ? (
            <>
              <p>Check the values below. Nothing has been saved yet.</p>
              <form action={formAction}>
                <input type="hidden" name="projectId" value={projectId} />
                <input type="hidden" name="measureId" value={measureId} />
                <input type="hidden" name="step" value="confirm" />
                <input type="hidden" name="plan" value={preview.plan} />
                <CarriedFields preview={preview} csv={csv} />
                <Button disabled={pending}>Import {toImport === 1 ? "1 row" : `${toImport} rows`}</Button>
              </form>
            </>
          ) : (
            <p className="mb-0">
              The file would change nothing.
              {counts.skip > 0
                ? " To use the file’s values for periods that already have one, choose to replace them above."
                : ""}
            </p>
          )}
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
                {rate ? (
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
                ) : (
                  <th scope="col" className="p-2">
                    Value
                  </th>
                )}
                <th scope="col" className="p-2">
                  Note
                </th>
                <th scope="col" className="p-2">
                  What happens
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
                  {rate ? (
                    <>
                      <td className="p-2">{num(row.numerator)}</td>
                      <td className="p-2">{num(row.denominator)}</td>
                      <td className="p-2">{num(row.value)}</td>
                    </>
                  ) : (
                    <td className="p-2">{num(row.value)}</td>
                  )}
                  <td className="p-2">{row.note}</td>
                  <td className="p-2">
                    {row.errors.length === 0 ? (
                      <span className={row.outcome === "replace" ? "font-bold" : undefined}>
                        {outcomeText(row, rate)}
                      </span>
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
          <input id={fieldId("file")} name="file" type="file" accept=".csv,text/csv" className="block max-w-full" />
        </div>
        <div className={`mb-6 ${state.fieldErrors?.csv ? "border-l-4 border-nhs-red pl-4" : ""}`}>
          <label htmlFor={fieldId("csv")} className="mb-2 block font-bold">
            Or paste the data
          </label>
          <div id={`${fieldId("csv")}-hint`} className="mb-2 text-nhs-secondary-text">
            The first line names the columns. For example:
            <pre className="mt-1 overflow-x-auto bg-nhs-grey-5 p-2 text-sm">{example}</pre>
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
        <Button variant={checked && toImport > 0 ? "secondary" : "primary"} disabled={pending}>
          Check the data
        </Button>
      </form>
    </>
  );
}
