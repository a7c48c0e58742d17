import Link from "next/link";

export function SiteFooter() {
  return (
    <footer role="contentinfo" className="mt-16 border-t-4 border-nhs-blue bg-nhs-grey-4 py-8 text-base">
      <div className="mx-auto max-w-6xl px-4">
        <h2 className="sr-only">Support links</h2>
        <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/about">About the programme</Link>
          </li>
          <li>
            <Link href="/concerns/new">Raise a safety concern</Link>
          </li>
          <li>
            <Link href="/concerns/track">Follow a concern</Link>
          </li>
          <li>
            <Link href="/accessibility">Accessibility statement</Link>
          </li>
          <li>
            <Link href="/privacy">Privacy</Link>
          </li>
        </ul>
        <p className="mb-0 text-nhs-secondary-text">
          The Patient Safety Collaboratives programme is coordinated by NHS England and NHS Improving Quality, with 15
          collaboratives each led by an Academic Health Science Network (Health Innovation Network since 2023). In an
          emergency call 999. For urgent medical help call NHS 111.
        </p>
      </div>
    </footer>
  );
}
