import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/policy";

export async function SiteHeader() {
  const viewer = await getViewer();
  const leadOf = viewer.memberships.filter((m) => m.role === "LEAD");
  const isStaff = viewer.memberships.some((m) => m.role !== "PATIENT");
  // Leads get their collaborative's workspace and dashboard (the first one they lead; the home lists
  // every one); the national team gets the national dashboard below.
  const led = leadOf[0]?.collaborativeSlug;
  const links: { href: string; label: string }[] = [
    ...(viewer.userId ? [{ href: "/home", label: "Home" }] : []),
    { href: "/collaboratives", label: "Collaboratives" },
    { href: "/learning", label: "Shared learning" },
    ...(isStaff || can(viewer, "national.dashboard") ? [{ href: "/projects", label: "Projects" }] : []),
    { href: "/concerns/new", label: "Raise a safety concern" },
    ...(led
      ? [
          { href: `/collaboratives/${led}/concerns`, label: "Concerns to triage" },
          { href: `/collaboratives/${led}`, label: "Your collaborative" },
          { href: `/collaboratives/${led}/dashboard`, label: "Collaborative dashboard" },
        ]
      : []),
    ...(can(viewer, "national.dashboard") ? [{ href: "/national", label: "National dashboard" }] : []),
    ...(can(viewer, "audit.read") ? [{ href: "/admin", label: "Administration" }] : []),
  ];
  return (
    <header role="banner" className="bg-nhs-blue text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link
          href="/"
          className="flex items-center gap-3 text-white! no-underline! visited:text-white! focus-visible:text-nhs-text!"
        >
          <span
            className="bg-white px-1.5 text-2xl font-black italic leading-tight tracking-tight text-nhs-blue"
            aria-hidden="true"
          >
            NHS
          </span>
          <span className="text-lg font-bold leading-tight">Patient Safety Collaboratives</span>
          <span className="sr-only"> home page</span>
        </Link>
        <div className="flex items-center gap-4 text-base">
          {viewer.userId ? (
            <>
              <Link href="/account" className="text-white! visited:text-white! focus-visible:text-nhs-text!">
                <span className="sr-only">Your account: </span>
                {viewer.name}
              </Link>
              <form action="/sign-out" method="get">
                <button type="submit" className="cursor-pointer text-white underline focus-visible:text-nhs-text">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className="text-white! visited:text-white! focus-visible:text-nhs-text!">
              Sign in
            </Link>
          )}
        </div>
      </div>
      <nav aria-label="Main" className="border-t border-[#2f7bc5] bg-nhs-blue">
        <ul className="mx-auto mb-0 flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 text-base">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-white! visited:text-white! focus-visible:text-nhs-text!">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
