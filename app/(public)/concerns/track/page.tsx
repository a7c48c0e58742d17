import type { Metadata } from "next";
import Link from "next/link";
import { TrackLookupForm } from "@/components/concerns/TrackLookupForm";
import { NewLinkForm } from "@/components/concerns/NewLinkForm";

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
      <h2 id="new-link">If you have lost your tracking link</h2>
      <p>
        If you were signed in when you sent it, you can see it under <Link href="/my/concerns">My concerns</Link>.
      </p>
      <p>
        If you gave an email address with your concern, we can email a new link to that address. Enter your reference
        and the email address you gave. The old link will stop working.
      </p>
      <NewLinkForm />
      <h3>If you did not give an email address</h3>
      <p>
        We cannot send the link again, because we do not know who sent the concern. You are welcome to{" "}
        <Link href="/concerns/new">tell us about it again</Link> and mention your old reference, or to contact your
        area&apos;s <Link href="/collaboratives">Patient Safety Collaborative</Link>.
      </p>
    </div>
  );
}
