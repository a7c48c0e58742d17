import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getViewer } from "@/lib/auth/viewer";
import { getConcernFormOptions } from "@/lib/concerns/queries";
import { ConcernForm } from "@/components/concerns/ConcernForm";
import { InsetText, WarningCallout } from "@/components/ui/Panels";

type Props = { searchParams: Promise<{ collaborative?: string; kind?: string }> };

// "What went well" is the same form with its questions adapted, at its own address (?kind=went-well), so that
// either is one page load from a link and works without JavaScript.
const WENT_WELL = "went-well";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { kind } = await searchParams;
  return { title: kind === WENT_WELL ? "Tell us what went well in your care" : "Tell us about a safety concern" };
}

export default async function NewConcernPage({ searchParams }: Props) {
  const viewer = await getViewer();
  const [options, { collaborative, kind }] = await Promise.all([getConcernFormOptions(viewer), searchParams]);
  const region = options.collaboratives.some((c) => c.slug === collaborative) ? collaborative : undefined;
  const here = (k?: string) => {
    const query = new URLSearchParams();
    if (k) query.set("kind", k);
    if (region) query.set("collaborative", region);
    return `/concerns/new${query.size > 0 ? `?${query.toString()}` : ""}`;
  };
  if (kind === WENT_WELL) return <WentWellPage viewer={viewer} options={options} region={region} other={here()} />;
  return (
    <div className="max-w-3xl">
      <h1>Tell us about a safety concern</h1>
      <p>
        Something went well in your care? <Link href={here(WENT_WELL)}>Tell us what went well instead</Link>.
      </p>
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

/** Learning from excellence: what went well is triaged by the same team and helps spread good practice. */
function WentWellPage({
  viewer,
  options,
  region,
  other,
}: {
  viewer: Awaited<ReturnType<typeof getViewer>>;
  options: Awaited<ReturnType<typeof getConcernFormOptions>>;
  region?: string;
  other: string;
}) {
  return (
    <div className="max-w-3xl">
      <h1>Tell us what went well in your care</h1>
      <p>
        Want to raise a concern instead? <Link href={other}>Tell us about a safety concern</Link>.
      </p>
      <WarningCallout title="If someone is in danger now">
        <p>
          Call 999 in an emergency. If it is urgent but not an emergency, call 111 or go to{" "}
          <a href="https://111.nhs.uk">111.nhs.uk</a>. Nobody reads this form straight away.
        </p>
      </WarningCallout>
      <InsetText>
        <p className="mb-0">
          Telling the patient safety team in your area what went well helps them learn what good care looks like and
          share it with other services. You do not need an account, and you do not have to give your name.
        </p>
      </InsetText>
      <ConcernForm
        options={options}
        idempotencyKey={randomUUID()}
        signedIn={viewer.userId !== null}
        region={region}
        kind="EXCELLENCE"
      />
    </div>
  );
}
