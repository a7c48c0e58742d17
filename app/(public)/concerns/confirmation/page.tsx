import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { readSubmission } from "@/lib/concerns/confirmation-cookie";
import { getSubmittedConcern } from "@/lib/concerns/queries";
import { ConfirmationPanel, InsetText, WarningCallout } from "@/components/ui/Panels";
import { CopyLinkButton } from "@/components/concerns/CopyLinkButton";

export const metadata: Metadata = { title: "Concern sent", referrer: "no-referrer", robots: { index: false } };

export default async function ConcernConfirmationPage() {
  const viewer = await getViewer();
  const sent = await readSubmission();
  const concern = sent ? await getSubmittedConcern(viewer, sent) : null;
  if (!sent || !concern) {
    return (
      <div className="max-w-3xl">
        <h1>We cannot show this confirmation</h1>
        <p>This page shows the reference of a concern for 30 minutes after it was sent, in the browser that sent it.</p>
        <p>
          If you kept your reference and tracking link, you can <Link href="/concerns/track">follow your concern</Link>.
        </p>
        <p>
          <Link href="/concerns/new">Tell us about a safety concern</Link>
        </p>
      </div>
    );
  }
  const path = sent.token ? `/concerns/track/${sent.token}` : null;
  const link = `${(env().NEXTAUTH_URL ?? "").replace(/\/$/, "")}${path}`;
  return (
    <div className="max-w-3xl">
      <ConfirmationPanel title="Concern sent">
        Your reference is
        <br />
        <strong className="text-3xl tracking-wide">{sent.reference}</strong>
      </ConfirmationPanel>
      <p>We have sent your concern to the {concern.collaborativeName}.</p>
      {sent.emailed && <p>We have sent a copy to the email address you gave.</p>}
      <h2>Keep your private tracking link</h2>
      {path ? (
        <>
          <p>
            Use this link to see what happens to your concern and read the team&apos;s response. You do not need an
            account.
          </p>
          <InsetText>
            <p className="mb-0 break-all font-bold">
              <a href={path}>{link}</a>
            </p>
          </InsetText>
          <CopyLinkButton link={link} />
          <p>
            Copy the link or bookmark it now, and write down your reference: this page cannot be shown again.
            {sent.emailed ? " The email we sent you has the link too, and so will the team's response." : ""}
          </p>
          <p>
            Anyone with the link can see the progress of your concern, but not what you wrote or your contact details.
          </p>
        </>
      ) : (
        <p>
          The tracking link for this concern has been replaced by a new one, which was emailed to the address given with
          the concern. Use the link in that email: this page cannot show it.
        </p>
      )}
      <h2>What happens next</h2>
      <ul className="list-disc pl-6">
        <li>
          The patient safety team will read your concern and aim to acknowledge it within {concern.acknowledgementDays}{" "}
          working days.
        </li>
        <li>They use concerns like yours to decide what to improve in your area.</li>
        <li>
          When they reply, their response will appear on your tracking page
          {viewer.userId ? ", and under My concerns if you chose to keep it in your account" : ""}.
        </li>
      </ul>
      <WarningCallout title="If someone needs help now">
        <p>Call 999 in an emergency, or 111 if it is urgent but not an emergency.</p>
      </WarningCallout>
    </div>
  );
}
