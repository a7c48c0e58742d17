import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getProjectReport } from "@/lib/projects/report";
import { orNotFound } from "@/lib/route-errors";
import { PDSA_DECISION_OUTCOMES, STATUS_LABELS } from "@/lib/projects/status";
import { PERIOD_LABELS } from "@/lib/measures/periods";
import { DIRECTION_WORDS, KIND_LABELS } from "@/lib/measures/labels";
import { formatDate, formatDateTime, formatDecimal } from "@/lib/format";
import { BackLink, SummaryList } from "@/components/ui/Panels";
import { ScrollableTable } from "@/components/ui/ScrollableTable";
import { ChartSvg } from "@/components/charts/ChartSvg";
import { DriverDiagram } from "@/components/projects/DriverDiagram";
import { PrintButton } from "@/components/projects/PrintButton";
import "./report.css";

// Public projects' reports open signed out: nothing here asks for a sign-in, and `project.read` (through
// getProjectStory) decides, exactly as for the project page; others' private projects are not found.
type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await getProjectReport(await getViewer(), (await params).id).catch(() => null);
  return { title: report ? `Report: ${report.title}` : "Project not found" };
}

export default async function ProjectReportPage({ params }: Props) {
  const { id } = await params;
  const r = await orNotFound(getProjectReport(await getViewer(), id));
  const aim = [
    { label: "What", value: r.aimWhat },
    { label: "How much", value: r.aimHowMuch },
    { label: "By when", value: r.aimByWhen ? formatDate(r.aimByWhen) : "" },
  ];
  const aimText = [r.aimWhat, r.aimHowMuch, r.aimByWhen ? `by ${formatDate(r.aimByWhen)}` : ""]
    .filter(Boolean)
    .join(" – ");

  return (
    <article className="report mx-auto max-w-[210mm] bg-white p-4 sm:p-8">
      <div className="no-print">
        <BackLink href={`/projects/${r.id}`}>{r.title}</BackLink>
      </div>
      <PrintButton />
      <p className="mb-1 text-base text-nhs-secondary-text">{r.collaborative.name} · Improvement project report</p>
      <h1 className="report-title">{r.title}</h1>
      <p className="text-base">Report generated on {formatDateTime(r.generatedAt)}.</p>

      <SummaryList
        rows={[
          {
            label: "Stage",
            value: `${STATUS_LABELS[r.status]}${r.status === "CLOSED" && r.closedReason ? ` – ${r.closedReason}` : ""}`,
          },
          { label: "Started", value: formatDate(r.startDate) },
          { label: "Organisations", value: r.organisations.map((o) => o.name).join(", ") || "None listed" },
          {
            label: "Priority areas",
            value: r.priorities.map((x) => `${x.name}${x.kind === "NATIONAL" ? " (national)" : ""}`).join(", "),
          },
          {
            label: "Team",
            value:
              r.team.length === 0
                ? "No team members listed"
                : r.team.map((t) => (t.role ? `${t.name} (${t.role})` : t.name)).join(", "),
          },
        ]}
      />

      <section aria-labelledby="report-aim" className="report-keep">
        <h2 id="report-aim">Aim</h2>
        {aim.some((a) => a.value) ? (
          <dl className="mb-6 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {aim.map((a) => (
              <div key={a.label} className="contents">
                <dt className="font-bold">{a.label}</dt>
                <dd className="mb-2 sm:mb-0">{a.value || "Not set"}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-nhs-secondary-text">The team has not set its aim yet.</p>
        )}
        <h3>The problem</h3>
        <p className="whitespace-pre-line">{r.problem}</p>
      </section>

      <section aria-labelledby="report-drivers">
        <h2 id="report-drivers">Driver diagram</h2>
        <DriverDiagram aim={aimText} tree={r.driverTree} />
      </section>

      <section aria-labelledby="report-measures" className="report-flow">
        <h2 id="report-measures">Measures</h2>
        {r.measures.length === 0 ? (
          <p className="text-nhs-secondary-text">No measures yet.</p>
        ) : (
          <p className="text-base">
            Charts follow NHS England’s Making Data Count method.
            {r.measures.some((m) => m.chartKind === "run") &&
              " Measures with fewer than 13 points are drawn as run charts: their process limits would be provisional."}
          </p>
        )}
        {r.measures.map((m) => (
          <section key={m.id} aria-labelledby={`report-measure-${m.id}`} className="report-measure mb-8">
            <h3 id={`report-measure-${m.id}`} className="mb-1">
              {m.name}
            </h3>
            <p className="mb-1 text-base text-nhs-secondary-text">
              {KIND_LABELS[m.kind]} measure, {PERIOD_LABELS[m.period].adjective}, {m.unit || "number"},{" "}
              {DIRECTION_WORDS[m.direction].toLowerCase()}
              {m.target !== null && `, target ${formatDecimal(m.target, 2)}`}
              {m.chartKind === "xmr" && m.chart.limitsVary && `, drawn as a ${m.chart.chartTypeName}`}
            </p>
            <p className="mb-2 text-base">{m.headline}</p>
            {m.chart.pointCount > 0 && (
              <figure className="mb-2">
                <ScrollableTable label={`Chart of ${m.name}`} className="report-chart">
                  <ChartSvg
                    id={`report-chart-${m.id}`}
                    name={m.name}
                    unit={m.unit}
                    chart={m.chart}
                    kind={m.chartKind}
                  />
                </ScrollableTable>
              </figure>
            )}
            <p className="no-print mb-0 text-base">
              <Link href={`/projects/${r.id}/measures/${m.id}`}>
                Open the measure and its data<span className="sr-only">: {m.name}</span>
              </Link>
            </p>
          </section>
        ))}
      </section>

      <section aria-labelledby="report-cycles" className="report-flow">
        <h2 id="report-cycles">PDSA cycles</h2>
        {r.cycles.length === 0 ? (
          <p className="text-nhs-secondary-text">No PDSA cycles recorded yet.</p>
        ) : (
          <ScrollableTable label="PDSA cycles" className="mb-8">
            <table className="w-full border-collapse text-left text-base">
              <caption className="sr-only">PDSA cycles, in the order they began</caption>
              <thead>
                <tr className="border-b-2 border-nhs-grey-3">
                  <th scope="col" className="p-2">
                    Cycle
                  </th>
                  <th scope="col" className="p-2">
                    Change idea tested
                  </th>
                  <th scope="col" className="p-2">
                    Dates
                  </th>
                  <th scope="col" className="p-2">
                    What happened
                  </th>
                  <th scope="col" className="p-2">
                    Decision
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.cycles.map((c) => (
                  <tr key={c.id} className="border-b border-nhs-grey-4 align-top">
                    <th scope="row" className="p-2">
                      C{c.number}: {c.title}
                    </th>
                    <td className="p-2">{c.changeIdea}</td>
                    <td className="p-2">
                      {formatDate(c.startDate)}
                      {c.endDate ? ` to ${formatDate(c.endDate)}` : c.act ? "" : " (in progress)"}
                    </td>
                    <td className="p-2">{c.study || "Not written up yet"}</td>
                    <td className="p-2">
                      {c.act
                        ? `${PDSA_DECISION_OUTCOMES[c.act]}${c.actNotes ? ` – ${c.actNotes}` : ""}`
                        : "Not decided yet"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>

      <section aria-labelledby="report-learning" className="report-keep">
        <h2 id="report-learning">What we learned</h2>
        {r.learningSummary ? (
          <p className="whitespace-pre-line">{r.learningSummary}</p>
        ) : (
          <p className="text-nhs-secondary-text">The team has not written up its learning yet.</p>
        )}
      </section>

      <p className="mb-0 border-t border-nhs-grey-4 pt-4 text-sm text-nhs-secondary-text">
        From the Patient Safety Collaboratives portal, {formatDateTime(r.generatedAt)}. The data behind each chart can
        be downloaded from the measure’s page.
      </p>
    </article>
  );
}
