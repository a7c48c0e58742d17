import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { getCollaborativeBySlug, getWorkspace } from "@/lib/collaboratives/queries";
import { ORGANISATION_TYPE_LABELS } from "@/lib/collaboratives/organisation-types";
import { PRIORITY_STATUS_COLOURS, PRIORITY_STATUS_LABELS } from "@/lib/priorities/labels";
import {
  STATUS_LABELS as PROJECT_STATUS_LABELS,
  draftTag,
  STATUS_TAG_COLOURS as PROJECT_STATUS_COLOURS,
} from "@/lib/projects/status";
import { learningTypeLabel } from "@/lib/learning/labels";
import { formatDate, formatDateTime, formatNumber, pluralise } from "@/lib/format";
import { ButtonLink } from "@/components/ui/Button";
import { InsetText, SummaryList, Tag } from "@/components/ui/Panels";
import { ConcernsSummary } from "@/components/collaboratives/ConcernsSummary";
import { MembershipSummary } from "@/components/collaboratives/MembershipSummary";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collaborative = await getCollaborativeBySlug(await getViewer(), (await params).slug);
  return { title: collaborative?.name ?? "Collaborative not found" };
}

export default async function CollaborativeWorkspacePage({ params }: Props) {
  const { slug } = await params;
  const workspace = await getWorkspace(await getViewer(), slug);
  if (!workspace) notFound();
  const {
    collaborative,
    organisations,
    leads,
    localPriorities,
    projects,
    closedProjects,
    concerns,
    learning,
    events,
    rounds,
    membership,
    can,
  } = workspace;
  const openRounds = rounds.filter((r) => r.status === "OPEN");
  const organisationsByType = Object.entries(
    organisations.reduce<Record<string, typeof organisations>>(
      (groups, o) => ({ ...groups, [o.type]: [...(groups[o.type] ?? []), o] }),
      {},
    ),
  );

  return (
    <>
      <h1>{collaborative.name}</h1>
      {collaborative.description && <p className="max-w-3xl text-xl">{collaborative.description}</p>}
      <SummaryList
        rows={[
          { label: "Led by", value: `${collaborative.leadAhsn2014} (since 2023: ${collaborative.nameSince2023})` },
          { label: "Region", value: collaborative.region },
          {
            label: leads.length === 1 ? "Collaborative lead" : "Collaborative leads",
            value:
              leads.length === 0 ? (
                "None named yet"
              ) : (
                <ul className="mb-0">
                  {leads.map((l) => (
                    <li key={l.id}>
                      {l.name}
                      {l.jobTitle && `, ${l.jobTitle}`}
                      {l.organisation && ` (${l.organisation})`}
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: "Member organisations", value: formatNumber(organisations.length) },
        ]}
      />

      {openRounds.map((round) => (
        <InsetText key={round.id}>
          <h2 className="text-xl sm:text-2xl">Have your say: {round.title}</h2>
          <p>
            Patients, carers and staff of the collaborative are ranking the candidate priorities
            {round.closesAt ? ` until the end of ${formatDate(round.closesAt)}` : ""}.{" "}
            {pluralise(round.ballots, "person has", "people have")} ranked so far.
          </p>
          <p className="mb-0">
            <Link href={`/collaboratives/${collaborative.slug}/rounds/${round.id}`}>
              See the candidates and rank them
            </Link>
          </p>
        </InsetText>
      ))}

      {membership && <MembershipSummary summary={membership} slug={collaborative.slug} />}

      <section aria-labelledby="local-priorities">
        <h2 id="local-priorities">Local priorities</h2>
        {localPriorities.length === 0 ? (
          <p>
            This collaborative works on the five national priorities and has not yet set local priorities of its own.
          </p>
        ) : (
          <ul className="mb-4 space-y-3">
            {localPriorities.map((p) => (
              <li key={p.id} className="bg-white p-4">
                <Link href={`/collaboratives/${collaborative.slug}/priorities/${p.slug}`} className="font-bold">
                  {p.name}
                </Link>{" "}
                {p.national ? (
                  <Tag colour="blue">National priority area</Tag>
                ) : (
                  <Tag colour={PRIORITY_STATUS_COLOURS[p.status]}>{PRIORITY_STATUS_LABELS[p.status]}</Tag>
                )}
                {p.description && <p className="mt-2 mb-1">{p.description}</p>}
                <p className="mb-0 text-base text-nhs-secondary-text">
                  {p.round ? (
                    <>
                      Chosen in &ldquo;{p.round.title}&rdquo;
                      {p.round.closedAt ? ` on ${formatDate(p.round.closedAt)}` : ""}.{" "}
                    </>
                  ) : null}
                  {pluralise(p.projectCount, "project")}, {pluralise(p.linkedConcernCount, "linked concern")}.
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/collaboratives/${collaborative.slug}/rounds`}>
            How priorities are chosen: priority-setting rounds
          </Link>
        </p>
        {can.openRound && (
          <ButtonLink href={`/collaboratives/${collaborative.slug}/rounds/new`} variant="secondary">
            Set up a priority-setting round
          </ButtonLink>
        )}
      </section>

      <section aria-labelledby="projects">
        <h2 id="projects">Improvement projects</h2>
        {projects.length === 0 ? (
          <p>There are no current projects you can see yet.</p>
        ) : (
          <ul className="mb-4 space-y-3">
            {projects.map((p) => (
              <li key={p.id} className="bg-white p-4">
                <Link href={`/projects/${p.id}`} className="font-bold">
                  {p.title}
                </Link>{" "}
                <Tag colour={PROJECT_STATUS_COLOURS[p.status]}>{PROJECT_STATUS_LABELS[p.status]}</Tag>
                {p.visibility === "DRAFT" && (
                  <>
                    {" "}
                    <Tag colour="grey">{draftTag(collaborative.name)}</Tag>
                  </>
                )}
                {p.priorities.length > 0 && (
                  <p className="mt-2 mb-0 text-base text-nhs-secondary-text">Priorities: {p.priorities.join(", ")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        {closedProjects > 0 && <p className="text-base">And {pluralise(closedProjects, "closed project")}.</p>}
      </section>

      <ConcernsSummary summary={concerns} />

      <section aria-labelledby="you-said-we-did">
        <h2 id="you-said-we-did">You said, we did</h2>
        <p>What patients, carers and families told the team, and what changed as a result.</p>
        <p>
          <Link href={`/collaboratives/${collaborative.slug}/you-said-we-did`}>
            You said, we did in the {collaborative.name}
          </Link>
        </p>
        <p>
          Something went well in your care?{" "}
          <Link href={`/concerns/new?kind=went-well&collaborative=${collaborative.slug}`}>Tell us what went well</Link>
        </p>
      </section>

      <section aria-labelledby="learning">
        <h2 id="learning">Published learning</h2>
        {learning.length === 0 ? (
          <p>Nothing published yet.</p>
        ) : (
          <ul className="mb-4 space-y-3">
            {learning.map((item) => (
              <li key={item.id} className="bg-white p-4">
                <Link href={`/learning/${item.slug}`} className="font-bold">
                  {item.title}
                </Link>{" "}
                <Tag colour="purple">{learningTypeLabel[item.type]}</Tag>
                {item.summary && <p className="mt-2 mb-0">{item.summary}</p>}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/learning?collaborative=${collaborative.slug}`}>All learning from this collaborative</Link>
        </p>
      </section>

      <section aria-labelledby="events">
        <h2 id="events">Upcoming events</h2>
        {events.length === 0 ? (
          <p>No events are planned at the moment.</p>
        ) : (
          <ul className="mb-4 space-y-3">
            {events.map((e) => (
              <li key={e.id} className="bg-white p-4">
                <Link href={`/collaboratives/${collaborative.slug}/events/${e.id}`} className="font-bold">
                  {e.title}
                </Link>
                <p className="mt-1 mb-0 text-base">
                  {formatDateTime(e.startsAt)},{" "}
                  {[e.location, e.onlineUrl ? "online" : null].filter(Boolean).join(" and ")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/collaboratives/${collaborative.slug}/events`}>
            All events, including past events and their outputs
          </Link>
        </p>
        {can.manageEvents && (
          <ButtonLink href={`/collaboratives/${collaborative.slug}/events/new`} variant="secondary">
            Add an event
          </ButtonLink>
        )}
      </section>

      <section aria-labelledby="organisations">
        <h2 id="organisations">Member organisations</h2>
        {organisations.length === 0 ? (
          <p>No member organisations have been added yet.</p>
        ) : (
          <div className="grid gap-x-8 sm:grid-cols-2">
            {organisationsByType.map(([type, list]) => (
              <div key={type}>
                <h3 className="text-lg sm:text-xl">
                  {ORGANISATION_TYPE_LABELS[type as keyof typeof ORGANISATION_TYPE_LABELS]}
                </h3>
                <ul className="list-disc pl-6 text-base">
                  {list.map((o) => (
                    <li key={o.id}>
                      {o.name}
                      {o.odsCode && <span className="text-nhs-secondary-text"> (ODS code {o.odsCode})</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        {can.manageOrganisations && (
          <ButtonLink href={`/collaboratives/${collaborative.slug}/organisations`} variant="secondary">
            Manage member organisations
          </ButtonLink>
        )}
      </section>
    </>
  );
}
