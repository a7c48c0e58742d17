import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { listOrganisationsForManagement } from "@/lib/collaboratives/queries";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { OrganisationForm } from "@/components/collaboratives/OrganisationForm";

type Props = { params: Promise<{ slug: string; organisationId: string }> };

export const metadata: Metadata = { title: "Change a member organisation" };

export default async function EditOrganisationPage({ params }: Props) {
  const { slug, organisationId } = await params;
  const viewer = await requireViewer(`/collaboratives/${slug}/organisations/${organisationId}`);
  const { collaborative, organisations } = await orNotFound(listOrganisationsForManagement(viewer, slug));
  const organisation = organisations.find((o) => o.id === organisationId);
  if (!organisation) notFound();
  return (
    <>
      <BackLink href={`/collaboratives/${collaborative.slug}/organisations`}>Member organisations</BackLink>
      <h1>Change {organisation.name}</h1>
      <OrganisationForm
        collaborativeId={collaborative.id}
        collaborativeSlug={collaborative.slug}
        existing={organisation}
      />
    </>
  );
}
