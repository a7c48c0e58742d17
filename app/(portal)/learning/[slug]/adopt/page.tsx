import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAdoptionFormOptions } from "@/lib/adoptions/queries";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { AdoptionForm } from "@/components/adoptions/AdoptionForm";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Record an adoption" };

export default async function AdoptPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/learning/${slug}/adopt`);
  const options = await orNotFound(getAdoptionFormOptions(viewer, slug));
  const { item } = options;
  return (
    <>
      <BackLink href={`/learning/${item.slug}`}>{item.title}</BackLink>
      <h1>Record that your team is adopting this</h1>
      <p className="max-w-3xl">
        <strong>{item.title}</strong> started in {item.originName}. Telling others you are taking it up shows where it
        is spreading, and lets the original team help you.
      </p>
      {item.type !== "CHANGE_IDEA" || item.status !== "PUBLISHED" ? (
        <p>Only published change ideas can be adopted.</p>
      ) : (
        <AdoptionForm
          learningItemId={item.id}
          collaboratives={options.collaboratives}
          organisations={options.organisations}
          projects={options.projects}
          measures={options.measures}
        />
      )}
    </>
  );
}
