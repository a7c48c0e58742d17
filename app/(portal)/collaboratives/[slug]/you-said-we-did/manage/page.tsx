import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { STATUS_WORDS, listYouSaidForTeam } from "@/lib/you-said-we-did/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate } from "@/lib/format";
import { ButtonLink } from "@/components/ui/Button";
import { BackLink, Tag } from "@/components/ui/Panels";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Write and approve You said, we did" };

const COLOURS = { DRAFT: "grey", AWAITING_APPROVAL: "orange", PUBLISHED: "green", WITHDRAWN: "red" } as const;

export default async function ManageYouSaidPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/you-said-we-did/manage`);
  const { collaborative, canWrite, items } = await orNotFound(listYouSaidForTeam(viewer, slug));
  const base = `/collaboratives/${collaborative.slug}/you-said-we-did`;
  return (
    <div className="max-w-3xl">
      <BackLink href={base}>You said, we did (public page)</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Write and approve You said, we did</h1>
      <p>
        A lead writes an item; another lead of the collaborative, or the national team, approves it before it is
        published. Only concerns whose reporters agreed to a public summary can be linked.
      </p>
      {canWrite && <ButtonLink href={`${base}/manage/new`}>Write an item</ButtonLink>}
      {items.length === 0 ? (
        <p>No items yet.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="bg-white p-4">
              <Link href={`${base}/manage/${item.id}`} className="font-bold">
                {item.youSaid.length > 120 ? `${item.youSaid.slice(0, 120).trimEnd()}…` : item.youSaid}
              </Link>
              <p className="mt-2 mb-0 text-base">
                <Tag colour={COLOURS[item.status]}>{STATUS_WORDS[item.status]}</Tag> by {item.author}, updated{" "}
                {formatDate(item.updatedAt)}
                {item.awaitsViewer && <strong> · waiting for your approval</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
