import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { orNotFound } from "@/lib/route-errors";
import { readHazardLog } from "@/lib/safety/read";
import { RATING_MEANING, SEVERITIES, matrixRows } from "@/lib/safety/risk";
import { riskText, statusText } from "@/lib/safety/render";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Clinical safety hazard log" };

/** "tests/x.test.ts::a > b": the title, then the file in small print. */
function TestName({ reference }: { reference: string }) {
  const [file, title] = reference.split("::");
  return (
    <>
      {title} <span className="text-sm text-nhs-grey-1">({file})</span>
    </>
  );
}

// The same log as docs/safety/hazard-log.md, read from docs/safety/hazards.yaml as deployed.
export default async function SafetyPage() {
  const viewer = await requireViewer("/admin/safety");
  const log = await orNotFound(readHazardLog(viewer));
  return (
    <>
      <h1>Clinical safety hazard log</h1>
      <p className="max-w-3xl">
        The hazards this portal could contribute to, how likely and how severe each is, the controls that reduce them,
        and the tests that show each control works. Every run of the tests checks that each test named here exists and
        passed. The deploying organisation&apos;s clinical safety officer uses this log for their own assessment
        (DCB0160); this log is the manufacturer&apos;s (DCB0129).
      </p>
      <p className="max-w-3xl">{log.intendedUse}</p>
      <ScrollableTable label="Hazards">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Hazards, their risk before and after controls, and status</caption>
          <TableHead cell="p-2" columns={["Hazard", "Initial risk", "Controls", "Residual risk", "Status"]} />
          <tbody>
            {log.hazards.map((h) => (
              <tr key={h.id} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-2 font-normal">
                  <a href={`#${h.id}`}>
                    {h.id}: {h.title}
                  </a>
                </th>
                <td className="p-2">{h.initialRisk.rating}</td>
                <td className="p-2">{h.controls.length}</td>
                <td className="p-2">{h.residualRisk.rating}</td>
                <td className="p-2">{h.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <h2>Risk matrix (DCB0129)</h2>
      <ScrollableTable label="Risk matrix">
        <table className="border-collapse bg-white text-left">
          <caption className="sr-only">Risk rating by likelihood and severity</caption>
          <TableHead cell="p-2" columns={["Likelihood", ...SEVERITIES.map((s) => `Severity: ${s}`)]} />
          <tbody>
            {matrixRows().map((r) => (
              <tr key={r.likelihood} className="border-b border-nhs-grey-4">
                <th scope="row" className="p-2 font-normal">
                  {r.likelihood}
                </th>
                {r.ratings.map((rating, i) => (
                  <td key={SEVERITIES[i]} className="p-2">
                    {rating}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <dl className="max-w-3xl">
        {Object.entries(RATING_MEANING).map(([rating, meaning]) => (
          <div key={rating} className="flex gap-2">
            <dt className="font-bold">{rating}</dt>
            <dd className="ml-0">{meaning}</dd>
          </div>
        ))}
      </dl>
      {log.hazards.map((h) => (
        <section key={h.id} aria-labelledby={h.id} className="mt-8 max-w-3xl">
          <h2 id={h.id}>
            {h.id}: {h.title}
          </h2>
          <p>{h.description}</p>
          <h3>Causes</h3>
          <ul className="list-disc pl-6">
            {h.causes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <h3>Effects</h3>
          <ul className="list-disc pl-6">
            {h.effects.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <p>
            <strong>Initial risk:</strong> {riskText(h.initialRisk)}
          </p>
          <h3>Controls</h3>
          <ol className="list-decimal pl-6">
            {h.controls.map((c) => (
              <li key={c.description}>
                {c.description}
                <p className="mb-1">Tested by:</p>
                <ul className="list-disc pl-6">
                  {c.tests.map((t) => (
                    <li key={t}>
                      <TestName reference={t} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <p>
            <strong>Residual risk:</strong> {riskText(h.residualRisk)}
          </p>
          {h.deployer.length > 0 && (
            <>
              <h3>For the deploying organisation (DCB0160)</h3>
              <ul className="list-disc pl-6">
                {h.deployer.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <strong>Status:</strong> {statusText(h.status)}
          </p>
        </section>
      ))}
    </>
  );
}
