import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { deletePdsaAction } from "@/lib/projects/actions";
import { getPdsaCycle } from "@/lib/projects/queries";
import { orNotFound } from "@/lib/route-errors";
import { PDSA_DECISION_LABELS } from "@/lib/projects/status";
import { formatDate } from "@/lib/format";
import { ConfirmDeleteForm } from "@/components/projects/ConfirmDeleteForm";
import { BackLink, SuccessMessage, SummaryList, Tag } from "@/components/ui/Panels";
import { doneMessage } from "@/lib/forms/done";
import { ButtonLink } from "@/components/ui/Button";

export const metadata: Metadata = { title: "PDSA cycle" };

type Props = { params: Promise<{ id: string; cycleId: string }>; searchParams: Promise<{ done?: string }> };

export default async function CyclePage({ params, searchParams }: Props) {
  const { id, cycleId } = await params;
  const done = doneMessage((await searchParams).done);
  const data = await orNotFound(getPdsaCycle(await getViewer(), id, cycleId));
  const c = data.cycle;
  if (!c) notFound();
  const block = (text: string) =>
    text ? (
      <span className="whitespace-pre-line">{text}</span>
    ) : (
      <span className="text-nhs-secondary-text">Not written yet</span>
    );
  return (
    <>
      <BackLink href={`/projects/${id}`}>{data.project.title}</BackLink>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <p className="mb-2 text-nhs-secondary-text">PDSA cycle {c.number}</p>
      <h1>{c.title}</h1>
      <p>
        {c.act ? (
          <Tag colour={c.act === "ADOPT" ? "green" : c.act === "ADAPT" ? "blue" : "grey"}>
            {PDSA_DECISION_LABELS[c.act]}
          </Tag>
        ) : (
          <Tag colour="yellow">In progress</Tag>
        )}
      </p>
      <SummaryList
        rows={[
          { label: "Change idea tested", value: c.changeIdea.title },
          {
            label: "Dates",
            value: `${formatDate(c.startDate)}${c.endDate ? ` to ${formatDate(c.endDate)}` : " (still running)"}`,
          },
          { label: "Plan", value: block(c.plan) },
          { label: "Prediction", value: block(c.prediction) },
          { label: "Do", value: block(c.doNotes) },
          { label: "Study", value: block(c.study) },
          {
            label: "Act",
            value: c.act ? (
              <>
                {PDSA_DECISION_LABELS[c.act]}
                {c.actNotes && <span className="block whitespace-pre-line">{c.actNotes}</span>}
              </>
            ) : (
              block("")
            ),
          },
        ]}
      />
      <p>The cycle is marked “C{c.number}” on the project’s charts, at the period it started.</p>
      {data.canUpdate && (
        <>
          <ButtonLink href={`/projects/${id}/cycles/${c.id}/edit`}>Update the cycle</ButtonLink>
          <details className="mb-8">
            <summary className="cursor-pointer text-nhs-red underline">Delete this cycle</summary>
            <div className="mt-4">
              <ConfirmDeleteForm
                action={deletePdsaAction}
                hidden={{ projectId: id, id: c.id }}
                confirmLabel="I understand the cycle will be deleted"
                buttonLabel="Delete the cycle"
              />
            </div>
          </details>
        </>
      )}
      <p>
        <Link href={`/projects/${id}#cycles`}>All of the project’s cycles</Link>
      </p>
    </>
  );
}
