import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { readSubmission } from "@/lib/concerns/confirmation-cookie";
import { getSubmittedConcern } from "@/lib/concerns/queries";
import { ButtonLink } from "@/components/ui/Button";
import { CareCard } from "@/components/ui/Panels";

// Issue 23: a concern whose words suggest someone may be in danger now is still sent (once), but the
// person is shown where to get help now before their confirmation, because nobody reads the form at
// once. Guarded like the confirmation page: only the browser that sent the concern, for 30 minutes.
export const metadata: Metadata = {
  title: "If someone needs help now",
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function UrgentHelpPage() {
  const sent = await readSubmission();
  const concern = sent?.urgent ? await getSubmittedConcern(await getViewer(), sent) : null;
  // Anyone else (or a concern that did not need it) gets the confirmation page, which says what it can show.
  if (!concern) redirect("/concerns/confirmation");
  return (
    <div className="max-w-3xl">
      <h1>If someone needs help now</h1>
      <p className="text-xl">
        Your concern has been sent. From what you wrote, someone may need help now. Nobody reads concerns straight away,
        and not at night or at weekends, so please do not wait for us.
      </p>
      <CareCard kind="emergency" title="Call 999 if someone’s life is at risk">
        <p>Call 999 now if someone:</p>
        <ul className="list-disc pl-6">
          <li>is seriously ill or injured, or their life is at risk</li>
          <li>is in immediate danger from someone else</li>
          <li>has seriously harmed themselves or is about to</li>
        </ul>
        <p>If you are in a hospital or care home, you can also tell a member of staff now.</p>
      </CareCard>
      <CareCard kind="urgent" title="Get help from NHS 111 if it is urgent but not an emergency">
        <p>
          Go to <a href="https://111.nhs.uk">111.nhs.uk</a> or call 111. It is free and open 24 hours a day.
        </p>
      </CareCard>
      <CareCard kind="urgent" title="In a mental health crisis">
        <p>
          Call 111 and choose the mental health option, at any time of day or night, if you or someone else is having a
          mental health crisis.
        </p>
        <p>
          If you are worried about a child or adult being abused or neglected, you can also contact the local council’s
          safeguarding team, or the police on 101 if it is not an emergency.
        </p>
      </CareCard>
      <h2>Your concern</h2>
      <p>
        We have your concern and its reference. You do not need to send it again. The next page shows your reference and
        your private tracking link.
      </p>
      <ButtonLink href="/concerns/confirmation">Continue to your confirmation</ButtonLink>
    </div>
  );
}
