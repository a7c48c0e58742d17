import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getViewer } from "@/lib/auth/viewer";
import { getConcernFormOptions } from "@/lib/concerns/queries";
import { ConcernForm } from "@/components/concerns/ConcernForm";
import { InsetText, WarningCallout } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Tell us about a safety concern" };

type Props = { searchParams: Promise<{ collaborative?: string }> };

export default async function NewConcernPage({ searchParams }: Props) {
  const viewer = await getViewer();
  const [options, { collaborative }] = await Promise.all([getConcernFormOptions(viewer), searchParams]);
  const region = options.collaboratives.some((c) => c.slug === collaborative) ? collaborative : undefined;
  return (
    <div className="max-w-3xl">
      <h1>Tell us about a safety concern</h1>
      <WarningCallout title="This is not for emergencies">
        <p>
          If someone needs medical help now, call 999 in an emergency. If it is urgent but not an emergency, call 111 or
          go to <a href="https://111.nhs.uk">111.nhs.uk</a>.
        </p>
        <p>Nobody reads this form straight away, and not at night or at weekends.</p>
      </WarningCallout>
      <InsetText>
        <p>
          <strong>This is not a formal complaint.</strong> To complain about your care, contact the organisation that
          provided it (its Patient Advice and Liaison Service, PALS, can help) or your local integrated care board. The
          NHS website explains{" "}
          <a href="https://www.nhs.uk/using-the-nhs/about-the-nhs/how-to-complain-to-the-nhs/">
            how to complain to the NHS
          </a>
          .
        </p>
        <p className="mb-0">
          Use this form to tell the patient safety team in your area about something that made care less safe, so that
          they can learn from it and improve care for everyone. You do not need an account, and you do not have to give
          your name.
        </p>
      </InsetText>
      <p>It takes about 10 minutes. You will get a reference and a private link to follow what happens.</p>
      <ConcernForm options={options} idempotencyKey={randomUUID()} signedIn={viewer.userId !== null} region={region} />
    </div>
  );
}
