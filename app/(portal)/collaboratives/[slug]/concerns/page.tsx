import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getTriageQueue, listHeldConcerns } from "@/lib/concerns/queries";
import { queueFilterSchema } from "@/lib/concerns/schemas";
import { CONCERN_STATUSES, STATUS_LABELS, STATUS_TAG_COLOURS } from "@/lib/concerns/triage";
import { dateOfDay } from "@/lib/concerns/service-level";
import { orNotFound } from "@/lib/route-errors";
import { doneMessage } from "@/lib/forms/done";
import { DoneBanner } from "@/components/ui/DoneBanner";
import { notDeliveredNotifications } from "@/lib/notifications/queries";
import { NotDeliveredPanel } from "@/components/notifications/NotDelivered";
import { formatDate, formatShortDate, pluralise } from "@/lib/format";
import { SelectField } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { InsetText, Tag, WarningCallout } from "@/components/ui/Panels";
import { HeldConcernList, SettingsForm } from "@/components/concerns/TriageForms";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

export const metadata: Metadata = { title: "Safety concerns to triage" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ConcernQueuePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/collaboratives/${slug}/concerns`);
  const filters = queueFilterSchema.parse(query);
  const [queue, held] = await orNotFound(
    Promise.all([getTriageQueue(viewer, slug, filters), listHeldConcerns(viewer, slug)]),
  );
  const { collaborative } = queue;
  const failures = await notDeliveredNotifications(viewer, collaborative.id);
  const hrefFor = (page: number) => {
    const next = new URLSearchParams({
      status: filters.status,
      area: filters.area,
      organisation: filters.organisation,
      age: filters.age,
      page: String(page),
    });
    return `?${next.toString()}`;
  };

  const done = doneMessage(query.done);
  const concernHref = (id: string) => `/collaboratives/${collaborative.slug}/concerns/${id}`;

  return (
    <>
      {done && <DoneBanner key={crypto.randomUUID()} message={done} />}
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Safety concerns</h1>

      {queue.replyWaitingCount > 0 && (
        <InsetText>
          <p className="mb-0">
            <Link href="?status=reply">
              {queue.replyWaitingCount === 1
                ? "1 concern has a reply from its reporter"
                : `${queue.replyWaitingCount} concerns have a reply from their reporter`}
            </Link>{" "}
            waiting for the team.
          </p>
        </InsetText>
      )}

      <NotDeliveredPanel failures={failures} who="this collaborative's leads and members" />

      {held.length > 0 && (
        <InsetText>
          <p className="mb-0">
            <Link href="#held">{pluralise(held.length, "concern")} held as possibly automated</Link>: check{" "}
            {held.length === 1 ? "it" : "them"} before triage.
          </p>
        </InsetText>
      )}

      {queue.urgentUnread.length > 0 && (
        <WarningCallout title="Read these first: they may describe someone at risk now">
          <p>
            These new concerns use words that can mean immediate danger. Read them now and follow your safeguarding
            procedures if needed.
          </p>
          <ul className="list-disc pl-6">
            {queue.urgentUnread.map((c) => (
              <li key={c.id}>
                <Link href={`/collaboratives/${collaborative.slug}/concerns/${c.id}`}>{c.reference}</Link>, received{" "}
                {formatDate(c.receivedAt)}
              </li>
            ))}
          </ul>
        </WarningCallout>
      )}

      <p>
        New concerns should be acknowledged within {pluralise(collaborative.acknowledgementDays, "working day")}.{" "}
        {queue.overdueCount > 0 ? (
          <strong>
            <Link href={`?status=all&age=overdue`}>
              {pluralise(queue.overdueCount, "concern")} overdue for acknowledgement
            </Link>
          </strong>
        ) : (
          "None is overdue."
        )}
      </p>

      <form
        method="get"
        role="search"
        aria-label="Filter concerns"
        className="mb-6 grid gap-x-6 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <SelectField
          name="status"
          label="Status"
          options={[
            { value: "open", label: "Open (not closed, or with a reply waiting)" },
            { value: "reply", label: "Reply waiting" },
            { value: "all", label: "All" },
            ...CONCERN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
          defaultValue={filters.status}
        />
        <SelectField
          name="area"
          label="Area"
          placeholder="All areas"
          options={queue.filterOptions.areas}
          defaultValue={filters.area}
        />
        <SelectField
          name="organisation"
          label="Organisation"
          placeholder="All organisations"
          options={queue.filterOptions.organisations}
          defaultValue={filters.organisation}
        />
        <SelectField
          name="age"
          label="Received"
          placeholder="Any time"
          options={[
            { value: "overdue", label: "Overdue for acknowledgement" },
            { value: "week", label: "In the last 7 days" },
            { value: "month", label: "8 to 30 days ago" },
            { value: "older", label: "More than 30 days ago" },
          ]}
          defaultValue={filters.age}
        />
        <div>
          <Button variant="secondary" className="mb-0">
            Apply filters
          </Button>
        </div>
      </form>

      {/* On a phone the list reads as stacked rows (NHS.UK summary-list style), not a clipped table. */}
      <section aria-labelledby="concern-cards-heading" className="mb-6 md:hidden">
        <h2 id="concern-cards-heading" className="text-lg">
          {pluralise(queue.total, "concern")}
          {filters.status === "open" ? " open" : ""}
        </h2>
        {queue.rows.length === 0 && <p>No concerns match these filters.</p>}
        <ul className="list-none p-0">
          {queue.rows.map((c) => (
            <li key={c.id} className="mb-4 border-t-4 border-nhs-blue bg-white p-4">
              <h3 className="mb-2 text-lg">
                <Link href={concernHref(c.id)}>{c.reference}</Link>
              </h3>
              <p className="mb-2 flex flex-wrap gap-2">
                <Tag colour={STATUS_TAG_COLOURS[c.status]}>{STATUS_LABELS[c.status]}</Tag>
                {c.replyWaiting && <Tag colour="orange">Reply waiting</Tag>}
                {c.overdue && <Tag colour="red">Overdue</Tag>}
                {c.mayBeUrgent && <Tag colour="red">May be urgent</Tag>}
              </p>
              <dl className="m-0 grid grid-cols-1 gap-y-1">
                <dt className="font-bold">Received</dt>
                <dd className="mb-2 ml-0">
                  {formatShortDate(c.receivedAt)} (
                  {c.daysSinceReceived === 0 ? "today" : `${pluralise(c.daysSinceReceived, "day")} ago`})
                  {c.overdue && <>, acknowledgement was due {formatShortDate(dateOfDay(c.acknowledgementDue))}</>}
                </dd>
                <dt className="font-bold">What happened</dt>
                <dd className="mb-2 ml-0 break-words">{c.extract}</dd>
                <dt className="font-bold">Area and organisation</dt>
                <dd className="mb-2 ml-0 break-words">
                  {c.areaName ?? "Something else"}
                  {c.organisationName && `, ${c.organisationName}`}
                </dd>
                <dt className="font-bold">Assigned to</dt>
                <dd className="mb-0 ml-0">{c.assignedToName ?? "Nobody"}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <ScrollableTable label="Concerns" className="mb-6 hidden md:block">
        <table className="w-full border-collapse bg-white text-left text-base">
          <caption className="mb-2 text-left font-bold">
            {pluralise(queue.total, "concern")}
            {filters.status === "open" ? " open" : ""}
          </caption>
          <TableHead
            cell="p-2"
            columns={["Reference", "Received", "What happened", "Area and organisation", "Status", "Assigned to"]}
          />
          <tbody>
            {queue.rows.length === 0 && (
              <tr>
                <td colSpan={6} className="p-2">
                  No concerns match these filters.
                </td>
              </tr>
            )}
            {queue.rows.map((c) => (
              <tr key={c.id} className="border-b border-nhs-grey-4 align-top">
                <th scope="row" className="p-2 font-normal whitespace-nowrap">
                  <Link href={concernHref(c.id)}>{c.reference}</Link>
                </th>
                <td className="p-2 whitespace-nowrap">
                  {formatShortDate(c.receivedAt)}
                  <span className="block text-nhs-secondary-text">
                    {c.daysSinceReceived === 0 ? "today" : `${pluralise(c.daysSinceReceived, "day")} ago`}
                  </span>
                </td>
                <td className="max-w-md p-2">
                  {c.kind === "EXCELLENCE" && (
                    <>
                      <Tag colour="green">What went well</Tag>
                      <br />
                    </>
                  )}
                  {c.mayBeUrgent && (
                    <>
                      <Tag colour="red">May be urgent</Tag>
                      <br />
                    </>
                  )}
                  {c.extract}
                </td>
                <td className="p-2">
                  {c.areaName ?? "Something else"}
                  {c.organisationName && <span className="block text-nhs-secondary-text">{c.organisationName}</span>}
                </td>
                <td className="p-2">
                  <Tag colour={STATUS_TAG_COLOURS[c.status]}>{STATUS_LABELS[c.status]}</Tag>
                  {c.replyWaiting && (
                    <span className="mt-1 block">
                      <Tag colour="orange">Reply waiting</Tag>
                    </span>
                  )}
                  {c.overdue && (
                    <span className="mt-1 block">
                      <Tag colour="red">Overdue</Tag>{" "}
                      <span className="text-sm">due {formatShortDate(dateOfDay(c.acknowledgementDue))}</span>
                    </span>
                  )}
                </td>
                <td className="p-2">{c.assignedToName ?? "Nobody"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={hrefFor} />

      <h2 id="held">Possibly automated — check before triage</h2>
      <p>
        These were sent with a field filled in that people cannot see: robots fill it in, but so do some browsers and
        password managers. The person was given a reference as usual. Release a concern that a person wrote, and it
        joins the list above with its acknowledgement due from the day it was sent; discard one that is spam, and it is
        erased. Until then they are in no count or dashboard.
      </p>
      <HeldConcernList
        rows={held.map((c) => ({
          id: c.id,
          reference: c.reference,
          sent: formatDate(c.receivedAt),
          erased: formatDate(c.expiresAt),
          areaName: c.areaName,
          whatHappened: c.whatHappened,
          impact: c.impact,
        }))}
      />

      <h2>Service level and retention</h2>
      <SettingsForm
        collaborativeId={collaborative.id}
        acknowledgementDays={collaborative.acknowledgementDays}
        contactRetentionMonths={collaborative.contactRetentionMonths}
      />
    </>
  );
}
