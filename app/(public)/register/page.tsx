import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/Panels";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <div className="max-w-3xl">
      <h1>Create an account</h1>
      <p>
        You do not need an account to <Link href="/concerns/new">raise a safety concern</Link>.
      </p>
      <Card title={<Link href="/register/patient">I am a patient or carer</Link>} headingLevel={2}>
        <p>
          See the concerns you have raised in one place and help choose your local collaborative&apos;s safety
          priorities.
        </p>
      </Card>
      <Card title={<Link href="/register/staff">I work for an organisation in a collaborative</Link>} headingLevel={2}>
        <p>
          For NHS and care staff and partners. Use your work email address; the collaborative&apos;s lead approves your
          request. If a lead has invited you, use the link in your invitation email instead.
        </p>
      </Card>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
