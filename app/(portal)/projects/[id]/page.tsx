import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getProjectStory } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { PDSA_DECISION_OUTCOMES, STATUS_LABELS, STATUS_TAG_COLOURS, draftTag } from "@/lib/projects/status";
import { restoreProjectAction } from "@/lib/projects/actions";
import { restoreMeasureAction } from "@/lib/measures/actions";
import { doneMessage } from "@/lib/forms/done";
import { PERIOD_LABELS } from "@/lib/measures/periods";
import { DIRECTION_WORDS, KIND_LABELS, KIND_TAG_COLOURS } from "@/lib/measures/labels";
import { formatDate, pluralise } from "@/lib/format";
import { BackLink, InsetText, SuccessMessage, SummaryList, Tag, WarningCallout } from "@/components/ui/Panels";
import { RestoreForm } from "@/components/projects/RestoreForm";
import { ButtonLink } from "@/components/ui/Button";
import { ChartKey, MeasureChartPanel } from "@/components/measures/MeasureChartPanel";
import { DriverDiagram } from "@/components/projects/DriverDiagram";
import { StartFromForm } from "@/components/templates/StartFromForm";
import { getStartFromChoices } from "@/lib/templates/queries";
import { startProjectFromAction } from "@/lib/templates/actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const story = await getProjectStory(await getViewer(), (await params).id).catch(() => null);
  return { title: story?.title ?? "Project not found" };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { id } = await params;
  const done = doneMessage((await searchParams).done);
  const viewer = await getViewer();
  const p = await orNotFound(getProjectStory(viewer, id));
  const startInto = p.status === "CLOSED" ? await getStartFromChoices(viewer, p.collaborativeId) : [];
  const aim = [p.aimWhat, p.aimHowMuch, p.aimByWhen ? `by ${formatDate(p.aimByWhen)}` : ""].filter(Boolean).join(" – ");

  return (
    <>
      <BackLink href="/projects">Improvement projects</BackLink>
      <p className="mb-2 text-nhs-secondary-text">
        <Link href={`/collaboratives/${p.collaborative.slug}`}>{p.collaborative.name}</Link>
      </p>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <h1>{p.title}</h1>
      <p>
        <Tag colour={STATUS_TAG_COLOURS[p.status]}>{STATUS_LABELS[p.status]}</Tag>{" "}
        {p.archivedAt && <Tag colour="red">Archived</Tag>}{" "}
        {p.visibility === "DRAFT" && <Tag colour="grey">{draftTag(p.collaborative.name)}</Tag>}
        {p.visibility === "PUBLIC" && <Tag colour="green">Public</Tag>}
      </p>
      {p.visibility === "DRAFT" && !p.archivedAt && (
        <p className="max-w-3xl text-base text-nhs-secondary-text">
          A draft counts in no dashboard, national figure, export or evidence of improvement until it is shared (edit
          the project and choose who can see it).
        </p>
      )}

      {p.archivedAt && (
        <WarningCallout title="This project is archived">
          <p>
            Archived on {formatDate(p.archivedAt)}
            {p.archivedBy ? ` by ${p.archivedBy}` : ""}. It is hidden from every list, search, dashboard and national
            figure, and nothing in it can be changed until it is restored.
          </p>
          {p.canRestore ? (
            <RestoreForm action={restoreProjectAction} hidden={{ id: p.id }} buttonLabel="Restore the project" />
          ) : (
            <p>A lead of {p.collaborative.name} can restore it.</p>
          )}
        </WarningCallout>
      )}

      {p.canUpdate && (
        <nav aria-label="Work on this project" className="mb-6 bg-white p-4">
          <ul className="mb-0 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
            <li>
              <Link href={`/projects/${p.id}/edit`}>Edit the project</Link>
            </li>
            <li>
              <Link href={`/projects/${p.id}/status`}>Change its stage</Link>
            </li>
            <li>
              <Link href={`/projects/${p.id}/team`}>Team</Link>
            </li>
            <li>
              <Link href={`/projects/${p.id}/drivers`}>Driver diagram and change ideas</Link>
            </li>
            <li>
              <Link href={`/projects/${p.id}/measures/new`}>Add a measure</Link>
            </li>
            <li>
              <Link href={`/projects/${p.id}/cycles/new`}>Record a PDSA cycle</Link>
            </li>
          </ul>
        </nav>
      )}

      <p className="text-base">
        <Link href={`/projects/${p.id}/report`}>Print a report</Link>
      </p>

      <SummaryList
        rows={[
          { label: "Organisations", value: p.organisations.map((o) => o.name).join(", ") },
          {
            label: "Priority areas",
            value: p.priorities.map((x) => `${x.name}${x.kind === "NATIONAL" ? " (national)" : ""}`).join(", "),
          },
          { label: "Where on the pathway", value: p.stages.map((s) => s.name).join(", ") },
          { label: "Started", value: formatDate(p.startDate) },
          {
            label: "Team",
            value:
              p.team.length === 0
                ? "No team members listed"
                : p.team.map((t) => (t.role ? `${t.name} (${t.role})` : t.name)).join(", "),
          },
          ...(p.concernsCount > 0
            ? [
                {
                  label: "Prompted by",
                  value: `Prompted by ${pluralise(p.concernsCount, "concern")} from patients and carers`,
                },
              ]
            : []),
        ]}
      />

      {p.status === "CLOSED" && p.closedReason && (
        <InsetText>
          <p className="mb-0">
            <strong>Closed: </strong>
            {p.closedReason}
          </p>
        </InsetText>
      )}
      {startInto.length > 0 && (
        <StartFromForm action={startProjectFromAction} source="project" sourceId={p.id} collaboratives={startInto} />
      )}

      <section aria-labelledby="problem">
        <h2 id="problem">The problem</h2>
        <p className="max-w-3xl whitespace-pre-line">{p.problem}</p>
      </section>

      <section aria-labelledby="aim">
        <h2 id="aim">Our aim</h2>
        {aim ? (
          <p className="max-w-3xl text-xl">{aim}</p>
        ) : (
          <p className="text-nhs-secondary-text">The team has not set its aim yet.</p>
        )}
      </section>

      <section aria-labelledby="measures">
        <h2 id="measures">How we will know a change is an improvement</h2>
        {p.measures.length === 0 ? (
          <p className="text-nhs-secondary-text">
            No measures yet.
            {p.canUpdate && (
              <>
                {" "}
                <Link href={`/projects/${p.id}/measures/new`}>Add a measure</Link>.
              </>
            )}
          </p>
        ) : (
          <>
            <p>
              Charts follow NHS England’s Making Data Count method.{" "}
              <a href={`/api/projects/${p.id}/measures/csv`}>Download every measure’s data (CSV)</a>
            </p>
            <p className="mb-1 text-sm font-bold">Key to the charts</p>
            <ChartKey
              hasTarget={p.measures.some((m) => m.target !== null)}
              hasBaseline={p.measures.some((m) => m.chart.baseline !== null)}
              limitsVary={p.measures.some((m) => m.chart.limitsVary)}
            />
            {p.measures.map((m) => (
              <section key={m.id} aria-labelledby={`measure-${m.id}`} className="mb-10 border-t-4 border-nhs-blue pt-4">
                <h3 id={`measure-${m.id}`}>
                  <Link href={`/projects/${p.id}/measures/${m.id}`}>{m.name}</Link>
                </h3>
                <p className="mb-2">
                  <Tag colour={KIND_TAG_COLOURS[m.kind]}>{KIND_LABELS[m.kind]}</Tag>{" "}
                  <span className="text-base text-nhs-secondary-text">
                    {PERIOD_LABELS[m.period].adjective}, {m.unit || "number"},{" "}
                    {DIRECTION_WORDS[m.direction].toLowerCase()}
                    {m.target !== null && `, target ${m.target}`}
                  </span>
                </p>
                {m.definition && <p className="max-w-3xl text-base">{m.definition}</p>}
                {p.canUpdate && (
                  <p>
                    <Link href={`/projects/${p.id}/measures/${m.id}/values`}>
                      Enter values<span className="sr-only"> for {m.name}</span>
                    </Link>
                  </p>
                )}
                <MeasureChartPanel
                  id={m.id}
                  name={m.name}
                  unit={m.unit}
                  valueType={m.valueType}
                  chart={m.chart}
                  showKey={false}
                />
              </section>
            ))}
          </>
        )}
      </section>

      {p.archivedMeasures.length > 0 && (
        <section aria-labelledby="archived-measures">
          <h2 id="archived-measures">Archived measures</h2>
          <p className="text-base text-nhs-secondary-text">
            Hidden from this page and every figure; their data are kept. Only the project’s staff see this list.
          </p>
          <ul className="list-none p-0">
            {p.archivedMeasures.map((m) => (
              <li key={m.id} className="mb-4 bg-white p-4">
                <Link href={`/projects/${p.id}/measures/${m.id}`}>{m.name}</Link>{" "}
                <span className="text-base text-nhs-secondary-text">archived on {formatDate(m.archivedAt)}</span>
                {p.canUpdate && (
                  <div className="mt-2">
                    <RestoreForm
                      action={restoreMeasureAction}
                      hidden={{ projectId: p.id, id: m.id }}
                      buttonLabel={`Restore “${m.name}”`}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="changes">
        <h2 id="changes">What changes we are making</h2>
        <DriverDiagram aim={aim} tree={p.driverTree} />
      </section>

      <section aria-labelledby="cycles">
        <h2 id="cycles">PDSA cycles</h2>
        {p.cycles.length === 0 ? (
          <p className="text-nhs-secondary-text">No PDSA cycles recorded yet.</p>
        ) : (
          <ol className="list-none p-0">
            {p.cycles.map((c) => (
              <li key={c.id} className="mb-4 border-l-4 border-nhs-purple bg-white p-4">
                <h3 className="mb-1 text-xl">
                  <Link href={`/projects/${p.id}/cycles/${c.id}`}>
                    Cycle {c.number}: {c.title}
                  </Link>
                </h3>
                <p className="mb-2 text-base text-nhs-secondary-text">
                  Testing “{c.changeIdea}” · {formatDate(c.startDate)}
                  {c.endDate ? ` to ${formatDate(c.endDate)}` : c.act ? "" : " (in progress)"}
                </p>
                <p className="mb-1 text-base">
                  <strong>Prediction: </strong>
                  {c.prediction}
                </p>
                {c.study && (
                  <p className="mb-1 text-base">
                    <strong>What happened: </strong>
                    {c.study}
                  </p>
                )}
                <p className="mb-0 text-base">
                  <strong>Decision: </strong>
                  {c.act
                    ? `${PDSA_DECISION_OUTCOMES[c.act]}${c.actNotes ? ` – ${c.actNotes}` : ""}`
                    : "Not decided yet"}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <ol className="mb-8 border-l-4 border-nhs-grey-3 pl-4">
          {p.timeline.map((t, i) => (
            <li key={i} className="mb-2 list-none">
              <span className="font-bold">{formatDate(t.date)}: </span>
              {t.href ? <Link href={t.href}>{t.text}</Link> : t.text}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="learning">
        <h2 id="learning">What we learned</h2>
        {p.learningSummary ? (
          <p className="max-w-3xl whitespace-pre-line">{p.learningSummary}</p>
        ) : (
          <p className="text-nhs-secondary-text">The team has not written up its learning yet.</p>
        )}
      </section>

      {p.canUpdate && (
        <ButtonLink href={`/projects/${p.id}/edit`} variant="secondary">
          Edit the project
        </ButtonLink>
      )}
    </>
  );
}
