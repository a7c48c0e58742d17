import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "About the programme" };

export default function AboutPage() {
  return (
    <>
      <h1>About the Patient Safety Collaboratives</h1>
      <p className="text-xl">
        On 14 October 2014 the Secretary of State for Health launched a national programme to improve the safety of
        patients and put continual learning at the heart of healthcare in England.
      </p>
      <p>
        It is coordinated by NHS England and NHS Improving Quality. Fifteen Patient Safety Collaboratives, each led by
        an Academic Health Science Network (AHSN), bring together patients, carers, healthcare staff and partners from
        across health and care to decide their local patient safety priorities and to develop and put in place
        solutions. AHSNs were renamed Health Innovation Networks in 2023.
      </p>
      <h2>What the collaboratives work on</h2>
      <p>
        Issues tackled on a &lsquo;whole patient pathway&rsquo; basis include reducing infections, pressure ulcers,
        medication errors, falls, and problems with patient transfers and discharge. Collaboratives add priorities of
        their own, chosen with local patients and staff.
      </p>
      <h2>Learning from each other</h2>
      <p>
        NHS Improving Quality and NHS England help the collaboratives learn from each other, so that the most effective
        solutions are rapidly spread and adopted across England. The programme supports the Sign up to Safety
        campaign&rsquo;s ambition to halve avoidable harm and save up to 6,000 lives, and answers Professor Don
        Berwick&rsquo;s call for the NHS to become &ldquo;a system devoted to continual learning and improvement of
        patient care, top to bottom and end to end&rdquo;.
      </p>
      <h2>How this portal helps</h2>
      <ul className="list-disc pl-6">
        <li>
          Staff log improvement projects with aims, driver diagrams, PDSA cycles and measures, charted the Making Data
          Count way.
        </li>
        <li>
          Patients and carers <Link href="/concerns/new">raise safety concerns</Link> without an account and follow what
          happens.
        </li>
        <li>
          Everyone can browse <Link href="/learning">shared learning</Link> and see where a change has spread.
        </li>
      </ul>
    </>
  );
}
