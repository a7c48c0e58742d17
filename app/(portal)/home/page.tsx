import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/policy";
import { getHome, type Home, type HomeMeasure } from "@/lib/home/queries";
import { listTemplates } from "@/lib/templates/queries";
import { STATUS_LABELS, STATUS_TAG_COLOURS } from "@/lib/projects/status";
import { formatDate, pluralise } from "@/lib/format";
import { SpcIconBadges } from "@/components/measures/SpcIcons";
import { ButtonLink } from "@/components/ui/Button";
import { Tag } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Your home" };

const ROLE_WORDS = { LEAD: "Lead", STAFF: "Staff member", PATIENT: "Patient or carer member" } as const;

export default async function HomePage() {
  const viewer = await requireViewer("/home");
  const mayStartProject = can(viewer, "project.create", {
    collaborativeId: viewer.memberships.find((m) => m.role !== "PATIENT")?.collaborativeId,
  });
  // The templates are linked from here so that a project from one is a single page load from home.
  const [home, templates] = await Promise.all([getHome(viewer), mayStartProject ? listTemplates() : []]);
  const leads = home.collaboratives.filter((c) => c.lead !== null);

  return (
    <>
      <h1>
        <span className="block text-xl font-normal">Your home</span>
        {home.name}
      </h1>

      {leads.length > 0 && (
        <section aria-labelledby="waiting">
          <h2 id="waiting">Waiting for you</h2>
          {leads.map((c) => (
            <LeadWaiting key={c.slug} collaborative={c} showName={leads.length > 1} />
          ))}
        </section>
      )}

      {home.rounds.length > 0 && (
        <section aria-labelledby="rounds">
          <h2 id="rounds">Priority setting open</h2>
          <ul className="mb-8 list-disc pl-6">
            {home.rounds.map((r) => (
              <li key={r.id}>
                <Link href={r.href}>{r.title}</Link> ({r.collaborativeName})
                {r.closesAt ? `, closes ${formatDate(r.closesAt)}` : ""}:{" "}
                {r.ranked ? "you have ranked the candidates." : <strong>you have not ranked yet.</strong>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {home.learning.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions">Questions on your learning</h2>
          <ul className="mb-8 list-disc pl-6">
            {home.learning.map((l) => (
              <li key={l.slug}>
                <Link href={`/learning/${l.slug}#comments`}>{l.title}</Link>: {pluralise(l.unanswered, "comment")} you
                have not replied to
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="projects">
        <h2 id="projects">Your projects</h2>
        {home.projects.length === 0 ? (
          <p>You are not on the team of any open project.</p>
        ) : (
          <ul className="mb-4 list-none space-y-6 p-0">
            {home.projects.map((p) => (
              <li key={p.id} className="border border-nhs-grey-4 bg-white p-4 sm:p-6">
                <h3 className="mb-2 text-xl">
                  <Link href={`/projects/${p.id}`}>{p.title}</Link>
                </h3>
                <p className="mb-4">
                  <Tag colour={STATUS_TAG_COLOURS[p.status]}>{STATUS_LABELS[p.status]}</Tag> {p.collaborativeName}
                </p>
                {p.measures.length === 0 ? (
                  <p className="mb-0">
                    No measures yet. <Link href={`/projects/${p.id}/measures/new`}>Add a measure</Link>
                  </p>
                ) : (
                  <ul className="mb-0 list-none divide-y divide-nhs-grey-4 p-0">
                    {p.measures.map((m) => (
                      <MeasureRow key={m.id} measure={m} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          {home.moreProjects && (
            <>
              <Link href="/projects">All projects</Link>
              {mayStartProject && " · "}
            </>
          )}
          {mayStartProject && <Link href="/projects/new">Start a new project</Link>}
        </p>
        {templates.length > 0 && (
          <>
            <h3 className="text-xl">Start from a template</h3>
            <p>Standard measures, a driver diagram and change ideas, ready to use:</p>
            <ul className="mb-8 list-disc pl-6">
              {templates.map((t) => (
                <li key={t.key}>
                  <Link href={`/projects/new?template=${t.key}`}>{t.name}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {(home.collaboratives.length > 0 || home.national || home.admin) && (
        <section aria-labelledby="places">
          <h2 id="places">Your collaboratives and dashboards</h2>
          <ul className="mb-8 list-disc pl-6">
            {home.collaboratives.map((c) => (
              <li key={c.slug}>
                <Link href={c.workspaceHref}>{c.name}</Link> ({ROLE_WORDS[c.role].toLowerCase()})
                {c.dashboardHref && (
                  <>
                    {" "}
                    · <Link href={c.dashboardHref}>{c.name} dashboard</Link>
                  </>
                )}
              </li>
            ))}
            {home.national && (
              <li>
                <Link href="/national">National dashboard</Link>
              </li>
            )}
            {home.admin && (
              <li>
                <Link href="/admin">Administration</Link>
              </li>
            )}
          </ul>
        </section>
      )}
      {home.collaboratives.length === 0 && !home.national && (
        <ButtonLink href="/collaboratives" variant="secondary">
          Find your local collaborative
        </ButtonLink>
      )}
    </>
  );
}

function LeadWaiting({
  collaborative: c,
  showName,
}: {
  collaborative: Home["collaboratives"][number];
  showName: boolean;
}) {
  const lead = c.lead!;
  return (
    <>
      {showName && <h3 className="text-xl">{c.name}</h3>}
      <ul className="mb-8 list-disc pl-6">
        <li>
          <Link href={lead.triageHref}>{pluralise(lead.openConcerns, "concern")} to triage</Link>
          {lead.overdueConcerns > 0 ? (
            <strong>, {pluralise(lead.overdueConcerns, "acknowledgement")} overdue</strong>
          ) : (
            ", none overdue"
          )}
        </li>
        {lead.heldConcerns > 0 && (
          <li>
            <Link href={lead.heldHref}>{pluralise(lead.heldConcerns, "concern")} held as possibly automated</Link>:
            check before triage
          </li>
        )}
        <li>
          <Link href={lead.membersHref}>
            {lead.pendingMembers === 0
              ? "No join requests waiting"
              : `${pluralise(lead.pendingMembers, "join request")} waiting`}
          </Link>
        </li>
      </ul>
    </>
  );
}

function MeasureRow({ measure: m }: { measure: HomeMeasure }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <p className="mb-2 font-bold">
        <Link href={m.href}>{m.name}</Link>
      </p>
      <SpcIconBadges variation={m.variation} assurance={m.assurance} hasTarget={m.hasTarget} />
      <p className="mt-2 mb-2">
        {m.latest ? (
          <>
            Last value entered: {m.latest.period}, {m.latest.value}
          </>
        ) : (
          "No values entered yet"
        )}
        <br />
        {m.nextDue.open ? <>Next due: {m.nextDue.period}</> : <>Up to date: the next value is for {m.nextDue.period}</>}
      </p>
      {m.nextDue.open && (
        <p className="mb-0">
          <Link href={m.enterHref}>
            Enter {m.nextDue.period} value<span className="sr-only"> for {m.name}</span>
          </Link>
        </p>
      )}
    </li>
  );
}
