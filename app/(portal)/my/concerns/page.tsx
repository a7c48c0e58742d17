import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyConcerns } from "@/lib/concerns/queries";
import { PUBLIC_STATUS_LABELS, STATUS_TAG_COLOURS } from "@/lib/concerns/triage";
import { ButtonLink } from "@/components/ui/Button";
import { Tag } from "@/components/ui/Panels";
import { formatDate, pluralise } from "@/lib/format";

export const metadata: Metadata = { title: "My concerns" };

export default async function MyConcernsPage() {
  const viewer = await requireViewer("/my/concerns");
  const concerns = await listMyConcerns(viewer);
  return (
    <>
      <h1>My concerns</h1>
      <p>
        Safety concerns you raised while signed in. Concerns you sent without signing in are not shown here: use their
        tracking links.
      </p>
      {concerns.length === 0 ? (
        <p>You have not raised any concerns while signed in.</p>
      ) : (
        <ul className="mb-8 space-y-4">
          {concerns.map((c) => (
            <li key={c.id} className="border border-nhs-grey-4 bg-white p-4">
              <h2 className="mb-2 text-xl">
                <Link href={`/my/concerns/${c.id}`}>{c.reference}</Link>
              </h2>
              <p className="mb-2">
                Sent on {formatDate(c.receivedAt)} to the {c.collaborativeName}
                {c.areaName ? `, about ${c.areaName.toLowerCase()}` : ""}
              </p>
              <p className="mb-0">
                <Tag colour={STATUS_TAG_COLOURS[c.status]}>{PUBLIC_STATUS_LABELS[c.status].label}</Tag>{" "}
                {c.responses.length > 0 && <span>{pluralise(c.responses.length, "response")} from the team</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ButtonLink href="/concerns/new" variant="secondary">
        Tell us about a safety concern
      </ButtonLink>
    </>
  );
}
