import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getMyConcern } from "@/lib/concerns/queries";
import { orNotFound } from "@/lib/route-errors";
import { ReporterProgress } from "@/components/concerns/ReporterProgress";
import { BackLink } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Your safety concern" };

type Props = { params: Promise<{ id: string }> };

export default async function MyConcernPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/my/concerns/${id}`);
  const concern = await orNotFound(getMyConcern(viewer, id));
  return (
    <div className="max-w-3xl">
      <BackLink href="/my/concerns">My concerns</BackLink>
      <h1>Your safety concern</h1>
      <ReporterProgress concern={concern} />
    </div>
  );
}
