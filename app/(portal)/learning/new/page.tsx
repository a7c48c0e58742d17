import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getLearningFormOptions } from "@/lib/learning/queries";
import { orNotFound } from "@/lib/route-errors";
import { BackLink } from "@/components/ui/Panels";
import { LearningItemForm } from "@/components/learning/LearningItemForm";

export const metadata: Metadata = { title: "Write up learning" };

export default async function NewLearningPage() {
  const viewer = await requireViewer("/learning/new");
  const options = await orNotFound(getLearningFormOptions(viewer));
  return (
    <>
      <BackLink href="/learning">Shared learning</BackLink>
      <h1>Write up learning</h1>
      <p className="max-w-3xl">
        Share what your team tried so others can learn from it — what worked, and what did not. It is saved as a draft
        that only your collaborative can see, until your collaborative&rsquo;s lead publishes it.
      </p>
      <LearningItemForm options={options} />
    </>
  );
}
