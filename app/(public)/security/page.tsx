import type { Metadata } from "next";

export const metadata: Metadata = { title: "Reporting a security problem" };

// The policy that /.well-known/security.txt points to (RFC 9116).
export default function SecurityPolicyPage() {
  return (
    <div className="max-w-3xl">
      <h1>Reporting a security problem</h1>
      <p>
        If you think you have found a security problem in this portal, please email{" "}
        <a href="mailto:security@psc.example.nhs.uk">security@psc.example.nhs.uk</a>. Do not include anyone’s personal
        or medical details.
      </p>
      <h2>What to tell us</h2>
      <ul className="list-disc pl-6">
        <li>the page or address where you found it</li>
        <li>what you did, step by step, so that we can see it too</li>
        <li>what someone could do with it</li>
      </ul>
      <h2>What we will do</h2>
      <p>
        We will reply within 5 working days, keep you told about what we are doing, and fix confirmed problems as
        quickly as we can. We will not take legal action against anyone who reports a problem in good faith and follows
        this page.
      </p>
      <h2>Please do not</h2>
      <ul className="list-disc pl-6">
        <li>read, change or delete other people’s information beyond what you need to show the problem</li>
        <li>raise false safety concerns, or send many requests that slow the service for others</li>
        <li>tell anyone else about the problem until we have fixed it</li>
      </ul>
    </div>
  );
}
