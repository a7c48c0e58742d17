import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { Card, InsetText } from "@/components/ui/Panels";
import { getViewer } from "@/lib/auth/viewer";

export default async function HomePage() {
  const viewer = await getViewer();
  return (
    <>
      {viewer.userId && (
        // The public front page stays what it is for everyone (the logo leads here); signed-in people
        // land on their own home after signing in, and are offered it first when they come here.
        <InsetText>
          <p className="mb-4 text-xl">
            You are signed in as {viewer.name}. Your projects, the values due next and what waits for you are on your
            home.
          </p>
          <ButtonLink href="/home" className="mb-0!">
            Go to your home
          </ButtonLink>
        </InsetText>
      )}
      <h1>Making care safer, together, across England</h1>
      <p className="max-w-3xl text-xl">
        Fifteen Patient Safety Collaboratives, each led by an Academic Health Science Network, bring together patients,
        carers, NHS staff and partners to decide their local safety priorities, test what works, and spread it rapidly
        across England.
      </p>
      <p className="max-w-3xl">
        The programme, launched on 14 October 2014 and coordinated by NHS England and NHS Improving Quality, supports
        the Sign up to Safety ambition to halve avoidable harm and to make the NHS &ldquo;a system devoted to continual
        learning and improvement of patient care&rdquo;.
      </p>
      <div className="mt-10 grid gap-6 md:grid-cols-3">
        <Card title="Patients and carers" headingLevel={2}>
          <p>
            Tell us about something that made care less safe for you or someone you care for. You do not need an
            account.
          </p>
          <ButtonLink href="/concerns/new">Raise a safety concern</ButtonLink>
          <p>
            <Link href="/concerns/track">Follow a concern you raised</Link>
          </p>
        </Card>
        <Card title="NHS staff and partners" headingLevel={2}>
          <p>
            Log your improvement project, track your measures on charts that follow Making Data Count, and learn from
            teams in other regions.
          </p>
          <ButtonLink href="/projects" variant="secondary">
            Improvement projects
          </ButtonLink>
        </Card>
        <Card title="Everyone" headingLevel={2}>
          <p>See what has been tried, what worked and where it has spread, from all 15 collaboratives.</p>
          <ButtonLink href="/learning" variant="secondary">
            Browse shared learning
          </ButtonLink>
        </Card>
      </div>
      <h2 className="mt-8">National priorities</h2>
      <p>
        The collaboratives tackle these on a whole-patient-pathway basis, alongside priorities they set locally with
        patients and staff:
      </p>
      <ul className="list-disc pl-6">
        <li>healthcare-associated infections</li>
        <li>pressure ulcers</li>
        <li>medication safety</li>
        <li>falls</li>
        <li>patient transfers and discharge</li>
      </ul>
      <p>
        <Link href="/collaboratives">Find your local collaborative</Link>
      </p>
    </>
  );
}
