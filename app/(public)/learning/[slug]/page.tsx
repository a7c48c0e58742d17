import { StartFromForm } from "@/components/templates/StartFromForm";
import { getStartFromChoices } from "@/lib/templates/queries";
import { startProjectFromAction } from "@/lib/templates/actions";
import type { Metadata } from "next";
import { getViewer } from "@/lib/auth/viewer";
import { can, collaborativeIdsWhere } from "@/lib/auth/policy";
import { formatDate } from "@/lib/format";
import { getLearningItem, learningResource } from "@/lib/learning/queries";
import {
  archiveLearningItemAction,
  featureLearningItemAction,
  followAction,
  publishLearningItemAction,
} from "@/lib/learning/actions";
import { isExternalUrl, safeUrl } from "@/lib/learning/safe-url";
import { orNotFound } from "@/lib/route-errors";
import { BackLink, SummaryList, Tag } from "@/components/ui/Panels";
import { ButtonLink } from "@/components/ui/Button";
import { ActionButton } from "@/components/learning/ActionButton";
import { Comments } from "@/components/learning/Comments";
import { EvidencePanel } from "@/components/learning/EvidencePanel";
import { LearningTags } from "@/components/learning/SearchResults";
import { MarkdownBody } from "@/components/learning/MarkdownBody";
import { SpreadView } from "@/components/learning/SpreadView";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getLearningItem(await getViewer(), (await params).slug).catch(() => null);
  return { title: item?.title ?? "Learning not found", description: item?.summary };
}

const DONE_MESSAGES: Record<string, string> = {
  published: "Published. Everyone can now find it in the shared learning library.",
  archived: "Archived. It is no longer in the library; your collaborative can still see it.",
  featured: "Featured nationally. It now appears first in the library.",
  unfeatured: "No longer featured nationally.",
  "adoption-recorded": "Your adoption is recorded. Keep its status up to date as your work goes on.",
  "adoption-updated": "Your adoption is updated.",
};

export default async function LearningItemPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { done, saved } = await searchParams;
  const viewer = await getViewer();
  const item = await orNotFound(getLearningItem(viewer, slug));
  const resource = learningResource(item);
  const canEdit = can(viewer, "learning.update", resource);
  const canPublish = can(viewer, "learning.publish", resource);
  const canFeature = can(viewer, "learning.feature", resource);
  const adoptInto = collaborativeIdsWhere(viewer, ["STAFF", "LEAD"]).filter((id) =>
    can(viewer, "adoption.create", { collaborativeId: id, originCollaborativeId: item.collaborative?.id ?? null }),
  );
  const canAdopt = item.type === "CHANGE_IDEA" && item.status === "PUBLISHED" && adoptInto.length > 0;
  const originName = item.collaborative?.name ?? "The national team";
  const notice = saved ? "Saved." : done ? DONE_MESSAGES[done] : undefined;
  const startInto =
    item.status === "PUBLISHED" ? await getStartFromChoices(viewer, item.collaborative?.id ?? null) : [];
  const here = `/learning/${item.slug}`;

  return (
    <>
      <BackLink href="/learning">Shared learning</BackLink>
      {notice && (
        <p role="status" className="mb-6 border-l-[10px] border-nhs-green bg-white p-4 font-bold">
          {notice}
        </p>
      )}
      {item.status !== "PUBLISHED" && (
        <p className="mb-6 border-l-[10px] border-nhs-warm-yellow bg-nhs-pale-yellow p-4">
          <strong>{item.status === "DRAFT" ? "Draft" : "Archived"}.</strong>{" "}
          {item.status === "DRAFT"
            ? item.collaborative
              ? `Only ${item.collaborative.name}'s staff and the national team can see this until its lead publishes it.`
              : "Only the national team can see this until it is published."
            : "It is no longer in the library."}
        </p>
      )}
      <p className="mb-2 text-nhs-secondary-text">{originName}</p>
      <h1>{item.title}</h1>
      <LearningTags type={item.type} featured={item.featured} hasImprovementEvidence={item.hasImprovementEvidence} />
      <p className="max-w-3xl text-xl">{item.summary}</p>

      <div className="mb-4 flex flex-wrap items-start gap-4">
        {canEdit && (
          <ButtonLink href={`${here}/edit`} variant="secondary">
            Edit<span className="sr-only"> {item.title}</span>
          </ButtonLink>
        )}
        {canPublish && item.status !== "PUBLISHED" && (
          <ActionButton action={publishLearningItemAction} hidden={{ id: item.id }} label="Publish" variant="primary" />
        )}
        {canPublish && item.status === "PUBLISHED" && (
          <ActionButton
            action={archiveLearningItemAction}
            hidden={{ id: item.id }}
            label="Archive"
            variant="secondary"
          />
        )}
        {canFeature && item.status === "PUBLISHED" && (
          <ActionButton
            action={featureLearningItemAction}
            hidden={{ id: item.id, featured: item.featured ? "false" : "true" }}
            label={item.featured ? "Stop featuring nationally" : "Feature nationally"}
          />
        )}
        {viewer.userId && item.status === "PUBLISHED" && (
          <ActionButton
            action={followAction}
            hidden={{ learningItemId: item.id, intent: item.viewerFollows ? "unfollow" : "follow", returnTo: here }}
            label={item.viewerFollows ? "Stop following" : "Follow this learning"}
          />
        )}
      </div>

      <SummaryList
        rows={[
          { label: "From", value: originName },
          { label: "Published", value: item.publishedAt ? formatDate(item.publishedAt) : "Not yet published" },
          {
            label: "Priority areas",
            value: (
              <ul className="mb-0 list-none p-0">
                {item.priorities.map((p) => (
                  <li key={p.id}>
                    <a href={`/learning?area=${p.slug}`}>{p.name}</a>
                  </li>
                ))}
              </ul>
            ),
          },
          ...(item.stages.length > 0
            ? [{ label: "Stage of the pathway", value: item.stages.map((s) => s.name).join(", ") }]
            : []),
          ...(item.tags.length > 0
            ? [
                {
                  label: "Tags",
                  value: (
                    <span className="flex flex-wrap gap-2">
                      {item.tags.map((t) => (
                        <Tag key={t} colour="grey">
                          {t}
                        </Tag>
                      ))}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />

      {item.resourceUrl && (
        <p className="mb-8 text-lg">
          <a
            href={safeUrl(item.resourceUrl)}
            rel={isExternalUrl(item.resourceUrl) ? "noopener noreferrer" : undefined}
            className="font-bold"
          >
            Open the resource<span className="sr-only">: {item.title}</span> (opens another website)
          </a>
        </p>
      )}

      {item.body && (
        <section className="mb-10" aria-label="The full write-up">
          <MarkdownBody markdown={item.body} />
        </section>
      )}

      {(item.type === "CHANGE_IDEA" || item.evidence.measure) && <EvidencePanel evidence={item.evidence} />}

      {startInto.length > 0 && (
        <StartFromForm
          action={startProjectFromAction}
          source="learning"
          sourceId={item.id}
          collaboratives={startInto}
        />
      )}

      {item.spread && item.status !== "DRAFT" && (
        <SpreadView
          spread={item.spread}
          originName={originName}
          actions={
            (canAdopt || item.viewerAdoptions.length > 0) && (
              <div className="mb-6 flex flex-wrap gap-4">
                {canAdopt && <ButtonLink href={`${here}/adopt`}>Record that your team is adopting this</ButtonLink>}
                {item.viewerAdoptions.map((a) => (
                  <ButtonLink key={a.id} href={`${here}/adoptions/${a.id}`} variant="secondary">
                    Update {a.label}&rsquo;s adoption
                  </ButtonLink>
                ))}
              </div>
            )
          }
        />
      )}

      <Comments
        itemId={item.id}
        comments={item.comments}
        count={item.commentCount}
        canComment={can(viewer, "comment.create")}
        canModerate={can(viewer, "comment.moderate", { collaborativeId: item.collaborative?.id ?? null })}
        signInHref={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
        published={item.status === "PUBLISHED"}
      />
    </>
  );
}
