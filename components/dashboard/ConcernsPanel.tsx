import type { Concerns } from "@/lib/dashboard/queries";
import { formatDecimal, formatNumber, formatShortDate } from "@/lib/format";
import { Sparkline } from "@/components/charts/Sparkline";
import { DashboardPanel, Figures, percent } from "./DashboardPanel";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

const perWeek = (total: number, weeks: number) => (weeks > 0 ? formatDecimal(total / weeks, 1) : "–");

export function ConcernsPanel({
  concerns,
  csvHref,
  moreHref,
}: {
  concerns: Concerns;
  csvHref: string;
  moreHref?: string;
}) {
  const weeks = concerns.weeks.length;
  const span =
    weeks > 0
      ? `weeks starting ${formatShortDate(concerns.weeks[0]!)} to ${formatShortDate(concerns.weeks[weeks - 1]!)}`
      : "no whole weeks";
  const busiest = (counts: number[]) => (counts.length ? Math.max(...counts) : 0);
  return (
    <DashboardPanel
      id="patients-voice"
      title="Patients’ voice"
      csvHref={csvHref}
      moreHref={moreHref}
      intro={
        <p>
          Safety concerns raised by patients and carers, counted by the week they arrived ({span}), and, on their own,
          what people told us went well and the &ldquo;You said, we did&rdquo; items published. Counts only: what people
          wrote is never shown here. Each collaborative aims to acknowledge a concern within its service level, in
          working days (Monday to Friday; bank holidays are not taken into account).
        </p>
      }
    >
      <Figures
        items={[
          {
            label: "Concerns received",
            value: formatNumber(concerns.received),
            detail: `${perWeek(concerns.received, weeks)} a week on average`,
          },
          {
            label: "Acknowledged within the service level",
            value: percent(concerns.acknowledgedInTime, concerns.acknowledged),
            detail: `${formatNumber(concerns.acknowledgedInTime)} of ${formatNumber(concerns.acknowledged)} acknowledged`,
          },
          {
            label: "Average time to acknowledge",
            value:
              concerns.meanWorkingDaysToAcknowledge === null
                ? "–"
                : `${formatDecimal(concerns.meanWorkingDaysToAcknowledge, 1)} working days`,
            detail: `${formatNumber(concerns.overdueUnacknowledged)} not yet acknowledged and overdue`,
          },
          {
            label: "Linked to a priority or project",
            value: percent(concerns.linked, concerns.received),
            detail: `${formatNumber(concerns.linked)} concerns`,
          },
          {
            label: "What went well",
            value: formatNumber(concerns.wentWell),
            detail: "Told us what went well in their care (not counted as concerns)",
          },
          {
            label: "You said, we did",
            value: formatNumber(concerns.youSaidPublished),
            detail: "Items published: what people raised and what changed",
          },
          {
            label: "Possibly urgent, unread after a working day",
            value: formatNumber(concerns.urgentUnreadAfterWorkingDay),
            detail:
              "Concerns whose words suggest someone may be in danger now that no lead had opened by the end of the next working day",
          },
        ]}
      />
      <ResponseAnswers concerns={concerns} />
      <p className="text-nhs-secondary-text">
        A concern counts as read the first time one of its collaborative&rsquo;s leads opens it on the triage page.
        Possibly urgent: its words suggest someone may be in danger now (the same screen that puts it first in triage
        and emails the leads at once).
      </p>
      <ScrollableTable label="Concerns received per week, by priority area">
        <table className="data-table">
          <caption className="mb-2 text-left font-bold">Concerns received per week, by priority area</caption>
          <TableHead
            columns={[
              "Priority area",
              { label: "Received", numeric: true },
              { label: "Average a week", numeric: true },
              { label: "Busiest week", numeric: true },
              "Week by week",
            ]}
          />
          <tbody>
            {concerns.byArea.map((a) => (
              <tr key={a.key}>
                <th scope="row">{a.name}</th>
                <td className="text-right">{formatNumber(a.total)}</td>
                <td className="text-right">{perWeek(a.total, weeks)}</td>
                <td className="text-right">{formatNumber(busiest(a.counts))}</td>
                <td>
                  <Sparkline
                    points={a.counts.map((value) => ({ value }))}
                    label={`Weekly concerns about ${a.name.toLowerCase()}: ${formatNumber(a.total)} in ${weeks} weeks`}
                    width={160}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {!moreHref && (
        <ScrollableTable label="Concerns and acknowledgement, by collaborative">
          <table className="data-table">
            <caption className="mb-2 text-left font-bold">Concerns and acknowledgement, by collaborative</caption>
            <TableHead
              columns={[
                "Collaborative",
                { label: "Received", numeric: true },
                "Week by week",
                { label: "Service level", numeric: true },
                { label: "Acknowledged in time", numeric: true },
                { label: "Average working days", numeric: true },
                { label: "Overdue now", numeric: true },
                { label: "Linked", numeric: true },
                { label: "What went well", numeric: true },
                { label: "You said, we did", numeric: true },
                { label: "Urgent unread after a working day", numeric: true },
              ]}
            />
            <tbody>
              {concerns.byCollaborative.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">{c.name}</th>
                  <td className="text-right">{formatNumber(c.received)}</td>
                  <td>
                    <Sparkline
                      points={c.counts.map((value) => ({ value }))}
                      label={`Weekly concerns in ${c.name}: ${formatNumber(c.total)} in ${weeks} weeks`}
                      width={100}
                      height={24}
                    />
                  </td>
                  <td className="text-right">{c.acknowledgementDays} working days</td>
                  <td className="text-right">{percent(c.acknowledgedInTime, c.acknowledged)}</td>
                  <td className="text-right">
                    {c.meanWorkingDaysToAcknowledge === null ? "–" : formatDecimal(c.meanWorkingDaysToAcknowledge, 1)}
                  </td>
                  <td className="text-right">{formatNumber(c.overdueUnacknowledged)}</td>
                  <td className="text-right">{percent(c.linked, c.received)}</td>
                  <td className="text-right">{formatNumber(c.wentWell)}</td>
                  <td className="text-right">{formatNumber(c.youSaidPublished)}</td>
                  <td className="text-right">{formatNumber(c.urgentUnreadAfterWorkingDay)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </DashboardPanel>
  );
}

/**
 * "Did the response answer your concern?": the reporters' answers, counted. The definition is on the
 * page, beside the figures, because a share means nothing without saying of what.
 */
function ResponseAnswers({ concerns }: { concerns: Concerns }) {
  const rows = [
    { label: "Yes", count: concerns.answeredYes },
    { label: "Partly", count: concerns.answeredPartly },
    { label: "No", count: concerns.answeredNo },
    { label: "Did not say", count: concerns.notAnswered },
  ];
  return (
    <>
      <h3 id="response-answers-heading">Did the response answer the concern?</h3>
      <p>
        Of the {formatNumber(concerns.responded)} concerns received in this period that got a public response from the
        team, how many reporters said the response answered their concern: yes, partly or no (their latest answer on the
        tracking page), and how many have not said. Concerns held as possibly automated are not counted. Counts only:
        what reporters wrote in their replies is never shown here.
      </p>
      <ScrollableTable label="Did the response answer the concern?">
        <table className="data-table">
          <caption className="mb-2 text-left font-bold">Did the response answer the concern?</caption>
          <TableHead
            columns={["Reporter’s answer", { label: "Concerns", numeric: true }, { label: "Share", numeric: true }]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="text-right">{formatNumber(r.count)}</td>
                <td className="text-right">{percent(r.count, concerns.responded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}
