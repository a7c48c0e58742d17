import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { collaborativeCounts, getCollaborativeBySlug } from "@/lib/collaboratives/queries";
import { SummaryList, Tag } from "@/components/ui/Panels";
import { formatNumber } from "@/lib/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collaborative = await getCollaborativeBySlug(await getViewer(), (await params).slug);
  return { title: collaborative?.name ?? "Collaborative not found" };
}

export default async function CollaborativePage({ params }: Props) {
  const { slug } = await params;
  const collaborative = await getCollaborativeBySlug(await getViewer(), slug);
  if (!collaborative) notFound();
  const counts = await collaborativeCounts(collaborative.id);
  return (
    <>
      <h1>{collaborative.name}</h1>
      {collaborative.description && <p className="max-w-3xl text-xl">{collaborative.description}</p>}
      <SummaryList
        rows={[
          { label: "Led by", value: `${collaborative.leadAhsn2014} (since 2023: ${collaborative.nameSince2023})` },
          { label: "Region", value: collaborative.region },
          { label: "Active projects", value: formatNumber(counts.activeProjects) },
          { label: "Safety concerns raised", value: formatNumber(counts.concerns) },
          { label: "Published learning", value: formatNumber(counts.publishedLearning) },
          { label: "Member organisations", value: formatNumber(counts.organisations) },
        ]}
      />
      <h2>Local priorities</h2>
      {collaborative.localPriorities.length === 0 ? (
        <p>This collaborative works on the five national priorities and has not yet set local priorities of its own.</p>
      ) : (
        <ul className="space-y-3">
          {collaborative.localPriorities.map((p) => (
            <li key={p.id} className="bg-white p-4">
              <strong>{p.name}</strong> <Tag colour={p.status === "ACTIVE" ? "green" : "grey"}>{p.status === "ACTIVE" ? "Active" : "Achieved"}</Tag>
              {p.description && <p className="mt-2 mb-0">{p.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
