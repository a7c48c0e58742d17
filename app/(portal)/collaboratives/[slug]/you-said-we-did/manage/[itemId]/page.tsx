import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { STATUS_WORDS, getYouSaidForTeam, getYouSaidFormOptions } from "@/lib/you-said-we-did/queries";
import { doneMessage } from "@/lib/forms/done";
import { orNotFound } from "@/lib/route-errors";
import { formatDate } from "@/lib/format";
import { BackLink, InsetText, SummaryList, SuccessMessage, Tag } from "@/components/ui/Panels";
import {
  ApproveForm,
  SendBackForm,
  SubmitForApprovalForm,
  WithdrawForm,
  YouSaidItemForm,
} from "@/components/you-said-we-did/YouSaidForms";

type Props = {
  params: Promise<{ slug: string; itemId: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
};

export const metadata: Metadata = { title: "You said, we did item" };

export default async function YouSaidItemPage({ params, searchParams }: Props) {
  const { slug, itemId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/you-said-we-did/manage/${itemId}`);
  const item = await orNotFound(getYouSaidForTeam(viewer, itemId));
  if (item.collaborative.slug !== slug)
    redirect(`/collaboratives/${item.collaborative.slug}/you-said-we-did/manage/${item.id}`);
  const done = doneMessage((await searchParams).done);
  const options = item.may.edit ? await getYouSaidFormOptions(viewer, item.collaborativeId) : null;
  const step = { itemId: item.id, version: item.version, collaborativeSlug: slug };
  return (
    <div className="max-w-3xl">
      <BackLink href={`/collaboratives/${slug}/you-said-we-did/manage`}>You said, we did</BackLink>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <p className="mb-2 text-nhs-secondary-text">{item.collaborative.name}</p>
      <h1>You said, we did item</h1>
      <p>
        <Tag colour={item.status === "PUBLISHED" ? "green" : item.status === "WITHDRAWN" ? "red" : "grey"}>
          {STATUS_WORDS[item.status]}
        </Tag>
      </p>
      {item.status === "DRAFT" && item.sentBackReason && (
        <InsetText>
          <p className="font-bold">Sent back: what needs to change</p>
          <p className="whitespace-pre-line">{item.sentBackReason}</p>
        </InsetText>
      )}
      <SummaryList
        rows={[
          { label: "You said", value: <span className="whitespace-pre-line">{item.youSaid}</span> },
          { label: "We did", value: <span className="whitespace-pre-line">{item.weDid}</span> },
          {
            label: "Concerns",
            value: item.concerns.map((c) => (
              <span key={c.id} className="block">
                {item.may.triage ? (
                  <Link href={`/collaboratives/${slug}/concerns/${c.id}`}>{c.reference}</Link>
                ) : (
                  c.reference
                )}
              </span>
            )),
          },
          { label: "Local priority", value: item.priority?.name ?? "None" },
          {
            label: "Project",
            value: item.project
              ? `${item.project.title}${item.project.visibility === "PUBLIC" ? "" : " (not public: not shown on the public page)"}${item.measure ? `, chart: ${item.measure.name}` : ""}`
              : "None",
          },
          { label: "Written by", value: `${item.author.name}, ${formatDate(item.createdAt)}` },
          ...(item.publishedAt
            ? [
                {
                  label: "Published",
                  value: `${formatDate(item.publishedAt)}${item.approvedBy ? `, approved by ${item.approvedBy.name}` : ""}`,
                },
              ]
            : []),
          ...(item.withdrawnAt
            ? [{ label: "Withdrawn", value: `${formatDate(item.withdrawnAt)}: ${item.withdrawnReason ?? ""}` }]
            : []),
        ]}
      />
      {item.status === "PUBLISHED" && (
        <p>
          <Link href={`/collaboratives/${slug}/you-said-we-did`}>See it on the public page</Link>
        </p>
      )}
      {item.may.edit && options && (
        <>
          <h2>Send it for approval</h2>
          <p>Another lead of the collaborative, or the national team, approves it before it is published.</p>
          <SubmitForApprovalForm {...step} />
          <h2>Change it</h2>
          <YouSaidItemForm
            collaborativeId={item.collaborativeId}
            collaborativeSlug={slug}
            options={{
              ...options,
              concerns: options.concerns.map(({ receivedAt, ...c }) => ({ ...c, received: formatDate(receivedAt) })),
            }}
            item={{
              id: item.id,
              version: item.version,
              youSaid: item.youSaid,
              weDid: item.weDid,
              concernIds: item.concerns.map((c) => c.id),
              priorityId: item.priorityId,
              projectId: item.projectId,
              measureId: item.measureId,
            }}
          />
        </>
      )}
      {item.status === "AWAITING_APPROVAL" && !item.may.approve && (
        <p>Waiting for another lead of the collaborative, or the national team, to approve it.</p>
      )}
      {item.may.approve && (
        <>
          <h2>Approve it</h2>
          <p>
            Check that it is in the team&rsquo;s own words, names nobody and could not identify anyone. Once approved it
            is public.
          </p>
          <ApproveForm {...step} />
          <SendBackForm {...step} />
        </>
      )}
      {item.may.withdraw && (
        <>
          <h2>Withdraw it</h2>
          <WithdrawForm {...step} />
        </>
      )}
    </div>
  );
}
