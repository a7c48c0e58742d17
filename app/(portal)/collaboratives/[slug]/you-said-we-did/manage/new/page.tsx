import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { requireCollaborative } from "@/lib/collaboratives/queries";
import { getYouSaidFormOptions } from "@/lib/you-said-we-did/queries";
import { orNotFound } from "@/lib/route-errors";
import { formatDate } from "@/lib/format";
import { BackLink } from "@/components/ui/Panels";
import { YouSaidItemForm } from "@/components/you-said-we-did/YouSaidForms";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Write a You said, we did item" };

export default async function NewYouSaidPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/you-said-we-did/manage/new`);
  const collaborative = await orNotFound(requireCollaborative(slug));
  const options = await orNotFound(getYouSaidFormOptions(viewer, collaborative.id));
  return (
    <div className="max-w-3xl">
      <BackLink href={`/collaboratives/${collaborative.slug}/you-said-we-did/manage`}>You said, we did</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{collaborative.name}</p>
      <h1>Write a You said, we did item</h1>
      <YouSaidItemForm
        collaborativeId={collaborative.id}
        collaborativeSlug={collaborative.slug}
        options={{
          ...options,
          concerns: options.concerns.map(({ receivedAt, ...c }) => ({ ...c, received: formatDate(receivedAt) })),
        }}
      />
    </div>
  );
}
