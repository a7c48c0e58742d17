import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { collaborativeIdsWhere } from "@/lib/auth/policy";
import { getProjectFilterOptions, listProjects } from "@/lib/projects/queries";
import { projectFiltersSchema } from "@/lib/projects/schemas";
import { PROJECT_STATUSES, STATUS_LABELS, STATUS_TAG_COLOURS, draftTag } from "@/lib/projects/status";
import { formatDate, pluralise } from "@/lib/format";
import { SelectField, TextField } from "@/components/ui/Field";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { InsetText, Tag } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Improvement projects" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectsPage({ searchParams }: Props) {
  const query = await searchParams;
  const filters = projectFiltersSchema.parse(
    Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const viewer = await getViewer();
  const [list, options] = await Promise.all([
    listProjects(viewer, filters),
    getProjectFilterOptions(viewer, filters.collaborative),
  ]);
  const canCreate = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]).length > 0;
  const active = Object.entries(filters).filter(([k, v]) => k !== "page" && v);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of active) params.set(k, String(v));
    params.set("page", String(page));
    return `/projects?${params.toString()}`;
  };

  return (
    <>
      <h1>Improvement projects</h1>
      <p className="max-w-3xl text-xl">
        What teams across the collaboratives are working on: the problem, their aim, their measures on Making Data Count
        charts, and the changes they have tested.
      </p>
      {query.deleted && (
        <InsetText>
          <p className="mb-0 font-bold">The project has been deleted.</p>
        </InsetText>
      )}
      {canCreate && <ButtonLink href="/projects/new">Start a new project</ButtonLink>}
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <form
          method="get"
          action="/projects"
          role="search"
          aria-label="Filter projects"
          className="self-start bg-white p-4"
        >
          <h2 className="text-xl">Filter projects</h2>
          <TextField
            name="q"
            label="Search"
            hint="Words in the title, problem, aim or change ideas"
            defaultValue={filters.q ?? ""}
            maxLength={200}
          />
          <SelectField
            name="collaborative"
            label="Collaborative"
            options={options.collaboratives}
            placeholder="All collaboratives"
            defaultValue={filters.collaborative ?? ""}
          />
          {filters.collaborative && options.organisations.length > 0 && (
            <SelectField
              name="organisation"
              label="Organisation"
              options={options.organisations}
              placeholder="All organisations"
              defaultValue={filters.organisation ?? ""}
            />
          )}
          <SelectField
            name="priority"
            label="Priority area"
            options={options.priorities}
            placeholder="All priority areas"
            defaultValue={filters.priority ?? ""}
          />
          <SelectField
            name="status"
            label="Stage"
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            placeholder="All stages"
            defaultValue={filters.status ?? ""}
          />
          <SelectField
            name="stage"
            label="Where on the pathway"
            options={options.stages}
            placeholder="Anywhere on the pathway"
            defaultValue={filters.stage ?? ""}
          />
          <Button variant="secondary">Apply filters</Button>
          {!filters.collaborative && (
            <p className="text-sm text-nhs-secondary-text">
              Choose a collaborative and apply the filters to filter by organisation too.
            </p>
          )}
          {active.length > 0 && (
            <p className="mb-0">
              <Link href="/projects">Clear filters</Link>
            </p>
          )}
        </form>
        <div>
          <h2 className="text-xl" aria-live="polite">
            {list.total === 0
              ? "No projects match"
              : `${pluralise(list.total, "project")}${active.length > 0 ? " match" : ""}`}
          </h2>
          {list.total === 0 && <p>Try fewer filters or different words.</p>}
          <ul className="list-none p-0">
            {list.items.map((p) => (
              <li
                key={p.id}
                className="mb-6 border border-nhs-grey-4 bg-white p-5 shadow-[0_4px_0_var(--color-nhs-grey-4)]"
              >
                <h3 className="mb-2 text-xl">
                  <Link href={`/projects/${p.id}`}>{p.title}</Link>
                </h3>
                <p className="mb-2">
                  <Tag colour={STATUS_TAG_COLOURS[p.status]}>{STATUS_LABELS[p.status]}</Tag>{" "}
                  {p.visibility === "DRAFT" && <Tag colour="grey">{draftTag(p.collaborative)}</Tag>}
                </p>
                <p className="mb-2 text-base">{p.problem}</p>
                <dl className="mb-0 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-bold">Collaborative</dt>
                  <dd>{p.collaborative}</dd>
                  <dt className="font-bold">Organisations</dt>
                  <dd>{p.organisations.join(", ") || "–"}</dd>
                  <dt className="font-bold">Priority areas</dt>
                  <dd>{p.priorities.join(", ") || "–"}</dd>
                  <dt className="font-bold">Pathway</dt>
                  <dd>{p.stages.join(", ") || "–"}</dd>
                  <dt className="font-bold">Measures</dt>
                  <dd>{p.measureCount}</dd>
                  <dt className="font-bold">Updated</dt>
                  <dd>{formatDate(p.updatedAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
        </div>
      </div>
    </>
  );
}
