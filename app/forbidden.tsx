import Link from "next/link";

/** Shown, with status 403, when someone signed in asks for a page their role does not open (forbidden()). */
export default function Forbidden() {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>
        Some pages are for particular roles: the national dashboard is for the national team and administrators, and a
        collaborative’s dashboard is for its leads.
      </p>
      <p>If you think you should have access, ask your collaborative’s lead or the national team.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
