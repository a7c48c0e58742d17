"use client";
import { useState, type ClipboardEvent } from "react";
import { ErrorSummary, fieldId } from "@/components/ui/ErrorSummary";
import { Button } from "@/components/ui/Button";
import { ScrollableTable } from "@/components/ui/ScrollableTable";
import { useFormAction, type FormStateAction } from "@/components/ui/use-form-action";
import { addPeriods, formatPeriod, parsePeriodText, periodKey } from "@/lib/measures/periods";
import { parsePastedValues } from "@/lib/measures/paste";
import { GRID_FIELD, gridRowsFromFields, type GridRowView } from "@/lib/measures/values";

type Row = GridRowView & { index: number };
const CELLS = ["value", "numerator", "denominator", "note"] as const;

type Props = {
  action: FormStateAction;
  projectId: string;
  measureId: string;
  valueType: "NUMBER" | "RATE";
  period: "DAY" | "WEEK" | "MONTH";
  unit: string;
  rows: GridRowView[];
  /** The earliest period the grid may show: "Show earlier periods" goes no further. */
  oldestKey: string;
  /** Names the measure in the "Show earlier periods" button, for screen readers. */
  measureName: string;
};

const keyDate = (key: string) => parsePeriodText(key)!;

/**
 * One row per period: value (or numerator and denominator) and note, all saved in one submit. A plain
 * form that works without JavaScript; with it, spreadsheet columns pasted into any cell fill the grid
 * (rows are added for pasted periods it does not show). "Show earlier periods" posts the grid to the
 * same action, which answers with every cell as posted and the earlier rows added: nothing typed is lost,
 * with or without JavaScript. A grid drawn from an answer shows the rows that were posted.
 */
export function ValuesGrid({
  action,
  projectId,
  measureId,
  valueType,
  period,
  unit,
  rows: initialRows,
  oldestKey,
  measureName,
}: Props) {
  const valueFields = valueType === "RATE" ? (["numerator", "denominator"] as const) : (["value"] as const);
  const initial: Record<string, string> = {};
  initialRows.forEach((row, i) => {
    if (!row.shown) return;
    const [value, numerator, denominator, note] = row.shown;
    Object.assign(initial, { [`value-${i}`]: value, [`numerator-${i}`]: numerator, [`denominator-${i}`]: denominator });
    initial[`note-${i}`] = note;
  });
  const { state, formAction, pending, values, errors, problem } = useFormAction(action, { initial });
  const [rows, setRows] = useState<Row[]>(
    () => gridRowsFromFields(values, period) ?? initialRows.map((row, index) => ({ ...row, index })),
  );
  const [cells, setCells] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );
  const [pasted, setPasted] = useState<{ message: string; problems: string[] } | null>(null);

  // With JavaScript, the answer to "Show earlier periods" arrives here: add its new rows (renumbered after
  // this grid's, which may have gained pasted rows meanwhile) and leave every cell already here as it is.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    const answerRows = state.data?.earlier ? gridRowsFromFields(state.values ?? {}, period) : null;
    if (answerRows) {
      const known = new Set(rows.map((row) => row.key));
      let next = Math.max(-1, ...rows.map((row) => row.index));
      const nextCells = { ...cells };
      const added = answerRows
        .filter((row) => !known.has(row.key))
        .map((row) => {
          const index = ++next;
          for (const name of CELLS) nextCells[`${name}-${index}`] = state.values?.[`${name}-${row.index}`] ?? "";
          return { ...row, index };
        });
      setRows([...rows, ...added].sort((a, b) => a.key.localeCompare(b.key)));
      setCells(nextCells);
      setPasted(null);
    }
  }
  const status = pasted?.message ?? state.data?.earlier;

  const cell = (name: string, index: number) => cells[`${name}-${index}`] ?? "";
  const isEmpty = (row: Row) => [...valueFields, "note"].every((name) => cell(name, row.index).trim() === "");

  const addPeriodKey = (key: string) => periodKey(addPeriods(keyDate(key), period, 1));

  function onPaste(event: ClipboardEvent<HTMLTableSectionElement>) {
    const text = event.clipboardData.getData("text/plain");
    if (!text.includes("\t") && !/\n\s*\S/.test(text.trim())) return; // one cell: the browser pastes it
    const target = event.target as HTMLElement;
    const { rows: pastedRows, problems } = parsePastedValues(text, { period, valueColumns: valueFields.length });
    if (pastedRows.length === 0 && problems.length === 0) return;
    event.preventDefault();
    const nextRows = [...rows];
    const nextCells = { ...cells };
    let nextIndex = Math.max(-1, ...rows.map((r) => r.index)) + 1;
    const addRow = (key: string) => {
      const row = { key, label: formatPeriod(keyDate(key), period), shown: null, index: nextIndex++ };
      nextRows.push(row);
      nextRows.sort((a, b) => a.key.localeCompare(b.key));
      return row;
    };
    const fill = (row: Row, values: string[]) => {
      [...valueFields, "note" as const].forEach((name, i) => {
        if (values[i] !== undefined) nextCells[`${name}-${row.index}`] = values[i]!;
      });
    };
    if (pastedRows[0]?.periodKey) {
      for (const p of pastedRows) fill(nextRows.find((r) => r.key === p.periodKey) ?? addRow(p.periodKey!), p.cells);
    } else {
      // Values alone go into the first empty row from where they were pasted, then downwards.
      const from = rows.findIndex((r) => String(r.index) === target.dataset.row);
      let position = rows.findIndex((r, i) => i >= Math.max(0, from) && isEmpty(r));
      if (position < 0) position = rows.length;
      for (const p of pastedRows) {
        const row =
          nextRows[position] ?? addRow(nextRows.length ? addPeriodKey(nextRows.at(-1)!.key) : initialRows[0]!.key);
        fill(row, p.cells);
        position += 1;
      }
    }
    setRows(nextRows);
    setCells(nextCells);
    setPasted({
      message: `Pasted ${pastedRows.length} ${pastedRows.length === 1 ? "row" : "rows"}: check them, then save.`,
      problems,
    });
  }

  const input = (name: string, row: Row, label: string, width: string) => {
    const fieldName = `${name}-${row.index}`;
    const id = fieldId(fieldName);
    const error = errors[fieldName];
    return (
      <div className={error ? "border-l-4 border-nhs-red pl-2" : undefined}>
        <label htmlFor={id} className="sr-only">
          {label} for {row.label}
        </label>
        {error && (
          <p id={`${id}-error`} className="mb-1 text-base font-bold text-nhs-red">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        )}
        <input
          id={id}
          name={fieldName}
          data-row={row.index}
          value={cell(name, row.index)}
          onChange={(e) => setCells((c) => ({ ...c, [fieldName]: e.target.value }))}
          inputMode={name === "note" ? undefined : "decimal"}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          maxLength={name === "note" ? 500 : undefined}
          className={`block ${width} border-2 bg-white px-2 py-1 ${error ? "border-nhs-red" : "border-nhs-grey-1"}`}
        />
      </div>
    );
  };

  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} message={problem} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="measureId" value={measureId} />
      <p role="status" className={status ? "border-l-4 border-nhs-green pl-3 font-bold" : "sr-only"}>
        {status}
      </p>
      {pasted && pasted.problems.length > 0 && (
        <ul className="mb-4 text-nhs-red">
          {pasted.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {rows[0] && rows[0].key > oldestKey && (
        // Not disabled while the form is busy: a disabled button drops the keyboard focus.
        <Button variant="secondary" name="intent" value="earlier">
          Show earlier periods<span className="sr-only"> of {measureName}</span>
        </Button>
      )}
      {errors[GRID_FIELD] && (
        <p id={`${fieldId(GRID_FIELD)}-error`} className="mb-2 font-bold text-nhs-red">
          <span className="sr-only">Error: </span>
          {errors[GRID_FIELD]}
        </p>
      )}
      <ScrollableTable
        id={fieldId(GRID_FIELD)}
        label="Values to save"
        className={`mb-6 ${errors[GRID_FIELD] ? "border-l-4 border-nhs-red pl-2" : ""}`}
      >
        <table className="w-full border-collapse bg-white text-left text-base">
          <caption className="sr-only">Values to save, one row per period</caption>
          <thead>
            <tr className="border-b-2 border-nhs-grey-3">
              <th scope="col" className="p-2">
                Period
              </th>
              {valueType === "RATE" ? (
                <>
                  <th scope="col" className="p-2">
                    Numerator
                  </th>
                  <th scope="col" className="p-2">
                    Denominator
                  </th>
                </>
              ) : (
                <th scope="col" className="p-2">
                  Value{unit ? ` (${unit})` : ""}
                </th>
              )}
              <th scope="col" className="p-2">
                Note (optional)
              </th>
            </tr>
          </thead>
          <tbody onPaste={onPaste}>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-2 font-normal whitespace-nowrap">
                  {row.label}
                  <input type="hidden" name={`period-${row.index}`} value={row.key} />
                  {row.shown && <input type="hidden" name={`shown-${row.index}`} value={JSON.stringify(row.shown)} />}
                </th>
                {valueType === "RATE" ? (
                  <>
                    <td className="p-2">{input("numerator", row, "Numerator", "w-24")}</td>
                    <td className="p-2">{input("denominator", row, "Denominator", "w-24")}</td>
                  </>
                ) : (
                  <td className="p-2">{input("value", row, "Value", "w-28")}</td>
                )}
                <td className="p-2">{input("note", row, "Note", "w-48 sm:w-72")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <Button disabled={pending}>Save values</Button>
    </form>
  );
}
