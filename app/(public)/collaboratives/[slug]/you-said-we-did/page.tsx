import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/policy";
import { listPublishedYouSaid } from "@/lib/you-said-we-did/queries";
import { publicListSchema } from "@/lib/you-said-we-did/schemas";
import { orNotFound } from "@/lib/route-errors";
import { BackLink, InsetText } from "@/components/ui/Panels";
import { Pagination } from "@/components/ui/Pagination";
import { YouSaidItem } from "@/components/you-said-we-did/YouSaidItem";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "You said, we did" };

export default async function YouSaidWeDidPage({ params, searchParams }: Props) {
  const [{ slug }, query, viewer] = await Promise.all([params, searchParams, getViewer()]);
  const { page } = publicListSchema.parse(query);
  const list = await orNotFound(listPublishedYouSaid(viewer, slug, page));
  const { collaborative } = list;
  const canManage = can(viewer, "yousaid.read", { collaborativeId: collaborative.id, status: "DRAFT" });
  return (
    <div className="max-w-3xl">
      <BackLink href={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>You said, we did</h1>
      <p>
        What patients, carers and families told the patient safety team, and what changed as a result. Each summary is
        written by the team, only about concerns whose reporters agreed to it, and checked by a second person before it
        is published.
      </p>
      {canManage && (
        <p>
          <Link href={`/collaboratives/${collaborative.slug}/you-said-we-did/manage`}>Write and approve items</Link>
        </p>
      )}
      {list.items.length === 0 ? (
        <InsetText>
          <p>Nothing has been published here yet.</p>
        </InsetText>
      ) : (
        list.items.map((item) => <YouSaidItem key={item.id} item={item} collaborativeSlug={collaborative.slug} />)
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => `/collaboratives/${collaborative.slug}/you-said-we-did${p > 1 ? `?page=${p}` : ""}`}
      />
      <p>
        Tell us about your care:{" "}
        <Link href={`/concerns/new?collaborative=${collaborative.slug}`}>raise a safety concern</Link> or{" "}
        <Link href={`/concerns/new?kind=went-well&collaborative=${collaborative.slug}`}>tell us what went well</Link>.
      </p>
    </div>
  );
}
