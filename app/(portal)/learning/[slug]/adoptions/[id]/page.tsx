import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAdoptionForUpdate } from "@/lib/adoptions/queries";
import { orNotFound } from "@/lib/route-errors";
import { adoptionStatusLabel } from "@/lib/learning/labels";
import { BackLink } from "@/components/ui/Panels";
import { AdoptionUpdateForm } from "@/components/adoptions/AdoptionForm";

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: "Update an adoption" };

export default async function UpdateAdoptionPage({ params }: Props) {
  const { slug, id } = await params;
  const viewer = await requireViewer(`/learning/${slug}/adoptions/${id}`);
  const { adoption, statuses, projects, measures } = await orNotFound(getAdoptionForUpdate(viewer, id));
  return (
    <>
      <BackLink href={`/learning/${adoption.item.slug}#spread`}>{adoption.item.title}</BackLink>
      <p className="mb-2 text-nhs-secondary-text">{adoption.collaborativeName}</p>
      <h1>Update {adoption.adopterName}&rsquo;s adoption</h1>
      <p>
        Now: <strong>{adoptionStatusLabel[adoption.status].toLowerCase()}</strong>.
      </p>
      <AdoptionUpdateForm adoption={adoption} statuses={statuses} projects={projects} measures={measures} />
    </>
  );
}
