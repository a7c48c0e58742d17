import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listFollowableAreas, listFollows } from "@/lib/learning/queries";
import { followAction } from "@/lib/learning/actions";
import { BackLink } from "@/components/ui/Panels";
import { ActionButton } from "@/components/learning/ActionButton";

export const metadata: Metadata = { title: "What you follow" };

type Props = { searchParams: Promise<{ area?: string }> };

export default async function FollowingPage({ searchParams }: Props) {
  const { area } = await searchParams;
  const viewer = await requireViewer("/learning/following");
  const [follows, areas] = await Promise.all([listFollows(viewer), listFollowableAreas(viewer)]);
  const items = follows.filter((f) => f.kind === "item");
  return (
    <>
      <BackLink href="/learning">Shared learning</BackLink>
      <h1>What you follow</h1>
      <p className="max-w-3xl">
        Every Monday morning we email you a digest of new learning published in the priority areas you follow, and of
        teams adopting the learning you follow. If there is nothing new, we do not email you.
      </p>

      <h2>Priority areas</h2>
      <ul className="list-none p-0">
        {areas.map((a) => (
          <li
            key={a.id}
            className={`mb-2 flex flex-wrap items-center justify-between gap-4 bg-white p-3 ${a.slug === area ? "border-l-[10px] border-nhs-blue" : ""}`}
          >
            <span>
              <a href={`/learning?area=${a.slug}`}>{a.name}</a>
              {a.local && <span className="block text-sm text-nhs-secondary-text">Local priority: {a.local}</span>}
              {a.followed && <strong className="block text-sm">You follow this</strong>}
            </span>
            <ActionButton
              action={followAction}
              hidden={{
                priorityAreaId: a.id,
                intent: a.followed ? "unfollow" : "follow",
                returnTo: "/learning/following",
              }}
              label={a.followed ? `Stop following ${a.name}` : `Follow ${a.name}`}
              variant={a.followed ? "secondary" : "primary"}
            />
          </li>
        ))}
      </ul>

      <h2>Learning items</h2>
      {items.length === 0 ? (
        <p>
          You do not follow any learning items. Choose &ldquo;Follow this learning&rdquo; on an item to hear when other
          teams adopt it.
        </p>
      ) : (
        <ul className="list-none p-0">
          {items.map((f) => (
            <li key={f.id} className="mb-2 flex flex-wrap items-center justify-between gap-4 bg-white p-3">
              <a href={f.href}>{f.name}</a>
              <ActionButton
                action={followAction}
                hidden={{ learningItemId: f.targetId, intent: "unfollow", returnTo: "/learning/following" }}
                label={`Stop following ${f.name}`}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
