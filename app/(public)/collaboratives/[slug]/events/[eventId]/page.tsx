import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { getEvent } from "@/lib/events/queries";
import { learningStatusLabel, learningTypeLabel } from "@/lib/learning/labels";
import { safeUrl } from "@/lib/learning/safe-url";
import { orNotFound } from "@/lib/route-errors";
import { formatDate, formatDateTime, formatNumber, formatTime, pluralise } from "@/lib/format";
import { ButtonLink } from "@/components/ui/Button";
import { BackLink, InsetText, SummaryList, Tag, WarningCallout } from "@/components/ui/Panels";
import { RegistrationForm } from "@/components/events/RegistrationForm";
import { CancelEventForm } from "@/components/events/CancelEventForm";
import { ScrollableTable, TableHead } from "@/components/ui/ScrollableTable";

type Props = { params: Promise<{ slug: string; eventId: string }>; searchParams: Promise<{ output?: string }> };

const load = cache(async (slug: string, eventId: string) => orNotFound(getEvent(await getViewer(), slug, eventId)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, eventId } = await params;
  return { title: (await load(slug, eventId)).event.title };
}

export default async function EventPage({ params, searchParams }: Props) {
  const { slug, eventId } = await params;
  const { output } = await searchParams;
  const { collaborative, event, registered, attendees, outputs, can, signedIn, full, started } = await load(
    slug,
    eventId,
  );
  const newOutput = output ? outputs.find((o) => o.slug === output) : undefined;
  const path = `/collaboratives/${collaborative.slug}/events/${event.id}`;

  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/events`}>Events</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>{event.title}</h1>
      {newOutput && (
        <div role="status" className="mb-8 border-l-[10px] border-nhs-green bg-white p-4 sm:p-6">
          <p className="mb-2 font-bold">&ldquo;{newOutput.title}&rdquo; has been saved as a draft learning item.</p>
          <p className="mb-0">
            <Link href={`/learning/${newOutput.slug}`}>Review and publish it</Link> through shared learning when it is
            ready.
          </p>
        </div>
      )}
      {event.cancelled && (
        <WarningCallout title="This event has been cancelled">
          <p>It will not take place.</p>
        </WarningCallout>
      )}
      <SummaryList
        rows={[
          {
            label: "When",
            value: `${formatDateTime(event.startsAt)} to ${formatDate(event.startsAt) === formatDate(event.endsAt) ? formatTime(event.endsAt) : formatDateTime(event.endsAt)}`,
          },
          ...(event.location ? [{ label: "Where", value: event.location }] : []),
          ...(event.online
            ? [
                {
                  label: "Online",
                  value: event.onlineUrl ? (
                    // The form accepts only https links; safeUrl keeps a stored link from ever running script however it got there.
                    <a href={safeUrl(event.onlineUrl)} rel="noopener noreferrer">
                      Join online<span className="sr-only"> (opens the meeting link)</span>
                    </a>
                  ) : (
                    "The link is shown here to people who have signed up"
                  ),
                },
              ]
            : []),
          {
            label: "Places",
            value:
              event.capacity === null
                ? `No limit (${pluralise(event.registrations, "person", "people")} signed up)`
                : `${formatNumber(event.placesLeft ?? 0)} left of ${formatNumber(event.capacity)}`,
          },
        ]}
      />
      {event.description && <p className="max-w-3xl whitespace-pre-line">{event.description}</p>}
      {event.agenda && (
        <section aria-labelledby="agenda">
          <h2 id="agenda">Agenda</h2>
          <p className="max-w-3xl whitespace-pre-line bg-white p-4">{event.agenda}</p>
        </section>
      )}

      {!event.cancelled && !event.past && (
        <section aria-labelledby="sign-up">
          <h2 id="sign-up">Sign up</h2>
          {registered && (
            <InsetText>
              <p className="mb-0 font-bold">You have a place at this event.</p>
            </InsetText>
          )}
          {can.register || can.cancelRegistration ? (
            <RegistrationForm eventId={event.id} collaborativeSlug={collaborative.slug} registered={registered} />
          ) : !signedIn ? (
            <p>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in</Link> to sign up for this event.
            </p>
          ) : started ? (
            <p>This event has started, so sign-up has closed.</p>
          ) : full && !registered ? (
            <p>Sorry, this event is full.</p>
          ) : null}
        </section>
      )}

      <section aria-labelledby="outputs">
        <h2 id="outputs">Notes and outputs</h2>
        {outputs.length === 0 ? (
          <p>
            {event.past
              ? "Nothing has been published from this event yet."
              : "Notes and outputs will be published here after the event."}
          </p>
        ) : (
          <ul className="mb-6 space-y-3">
            {outputs.map((o) => (
              <li key={o.id} className="bg-white p-4">
                <Link href={`/learning/${o.slug}`} className="font-bold">
                  {o.title}
                </Link>{" "}
                <Tag colour="purple">{learningTypeLabel[o.type]}</Tag>{" "}
                {o.status !== "PUBLISHED" && <Tag colour="grey">{learningStatusLabel[o.status]}</Tag>}
                {o.summary && <p className="mt-2 mb-0">{o.summary}</p>}
              </li>
            ))}
          </ul>
        )}
        {can.publishOutputs && (
          <ButtonLink href={`${path}/outputs/new`} variant="secondary">
            Publish notes or outputs as learning
          </ButtonLink>
        )}
      </section>

      {can.manage && (
        <section aria-labelledby="manage">
          <h2 id="manage">For the collaborative&rsquo;s leads</h2>
          {attendees && (
            <ScrollableTable label="People signed up">
              <table className="mb-6 w-full border-collapse bg-white text-left text-base">
                <caption className="mb-2 text-left font-bold">Signed up ({formatNumber(attendees.length)})</caption>
                <TableHead cell="p-2" columns={["Name", "Organisation", "Signed up"]} />
                <tbody>
                  {attendees.map((a) => (
                    <tr key={a.id} className="border-b border-nhs-grey-4">
                      <th scope="row" className="p-2 font-normal">
                        {a.name}
                      </th>
                      <td className="p-2">{a.organisation ?? "Not given"}</td>
                      <td className="p-2">{formatDate(a.registeredAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
          {!event.cancelled && (
            <div className="flex flex-wrap gap-4">
              <ButtonLink href={`${path}/edit`} variant="secondary">
                Change the event
              </ButtonLink>
              {!event.past && (
                <CancelEventForm eventId={event.id} version={event.version} collaborativeSlug={collaborative.slug} />
              )}
            </div>
          )}
        </section>
      )}
    </>
  );
}
