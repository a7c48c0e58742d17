import type { Metadata } from "next";
import { RETENTION_SCHEDULE } from "@/lib/privacy/retention-schedule";

export const metadata: Metadata = { title: "Privacy" };

// The privacy notice. It agrees with the data protection impact assessment (docs/privacy/dpia.md); the
// retention sentences come from the retention schedule the deletion jobs read, so they cannot drift.
export default function PrivacyPage() {
  return (
    <>
      <h1>How we use your information</h1>
      <p>
        This notice explains what information the Patient Safety Collaboratives portal keeps about you, why, who can see
        it and for how long. The NHS organisation that runs the portal for the Patient Safety Collaboratives is the
        controller of your information.
      </p>
      <h2>If you raise a safety concern</h2>
      <p>
        You do not have to give your name or contact details. If you choose to, they are encrypted and can be seen only
        by the leads of the collaborative your concern goes to, who use them to reply to you. Every time a lead views
        them it is recorded.
      </p>
      <p>
        What you tell us is used to improve the safety of care in your area and, without anything that could identify
        you, to show patterns across England.
      </p>
      <h2>If you have an account</h2>
      <p>
        We keep your name, email address and the collaboratives you belong to, so that you can sign in and take part in
        improvement work. Your password is stored only in a form that cannot be turned back into the password.
      </p>
      <h2>Why we are allowed to use it</h2>
      <p>
        We use your information to carry out a task in the public interest: improving the safety of NHS care (UK GDPR
        Article 6(1)(e)). What you tell us about care can be health information. We use it for the management of health
        and social care services and for public health (UK GDPR Article 9(2)(h) and (i), with the Data Protection Act
        2018, Schedule 1, Part 1, paragraphs 2 and 3).
      </p>
      <h2>Who else handles it</h2>
      <p>
        The company that hosts the portal stores it, and an email service sends the emails you ask for. If your
        organisation lets you sign in with your work Microsoft account, Microsoft confirms who you are. They act only on
        our instructions. We do not sell your information or use it for marketing.
      </p>
      <h2>How long we keep it</h2>
      <ul className="list-disc pl-6">
        {RETENTION_SCHEDULE.map((entry) => (
          <li key={entry.id} data-retention={entry.id}>
            {entry.notice}
          </li>
        ))}
      </ul>
      <h2>Your rights</h2>
      <p>
        You can ask for a copy of everything we hold about you, ask us to correct it, ask us to delete your personal
        details, or object to how we use them. Ask your local Patient Safety Collaborative or an administrator of the
        portal. Records of improvement work and concerns are kept without your personal details.
      </p>
      <p>
        If you are unhappy with how we have used your information, you can complain to the Information
        Commissioner&apos;s Office (ICO) at{" "}
        <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a> or on 0303 123 1113.
      </p>
    </>
  );
}
