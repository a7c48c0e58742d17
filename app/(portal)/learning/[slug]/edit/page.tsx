import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getLearningFormOptions, getLearningItemForEdit } from "@/lib/learning/queries";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { LearningItemForm } from "@/components/learning/LearningItemForm";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Edit learning" };

export default async function EditLearningPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/learning/${slug}/edit`);
  const item = await orNotFound(getLearningItemForEdit(viewer, slug));
  const options = await getLearningFormOptions(viewer).catch(() => ({
    collaboratives: [],
    priorityAreas: [],
    stages: [],
    projects: [],
    measures: [],
    canWriteNationalNotes: false,
  }));
  return (
    <>
      <BackLink href={`/learning/${item.slug}`}>{item.title}</BackLink>
      <h1>Edit learning</h1>
      <LearningItemForm options={options} item={item} />
    </>
  );
}
