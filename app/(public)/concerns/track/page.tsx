import type { Metadata } from "next";
import Link from "next/link";
import { TrackLookupForm } from "@/components/concerns/TrackLookupForm";

// No "no-referrer" here: it would make the browser send "Origin: null" with the form, which server actions refuse.
export const metadata: Metadata = { title: "Follow a concern you raised" };

export default function TrackLookupPage() {
  return (
    <div className="max-w-3xl">
      <h1>Follow a concern you raised</h1>
      <p>
        When you sent your concern we gave you a reference and a private tracking link. The easiest way is to open the
        link itself. You can also paste it here with your reference.
      </p>
      <TrackLookupForm />
      <h2>If you have lost your tracking link</h2>
      <ul className="list-disc pl-6">
        <li>
          If you were signed in when you sent it, you can see it under <Link href="/my/concerns">My concerns</Link>.
        </li>
        <li>
          If you gave an email address and agreed to be contacted, the team&apos;s response will be emailed to you with
          the link.
        </li>
        <li>
          Otherwise we cannot send the link again, because we do not know who sent the concern. You are welcome to tell
          us about it again and mention your old reference.
        </li>
      </ul>
    </div>
  );
}
