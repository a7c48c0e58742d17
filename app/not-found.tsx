import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link href="/">go to the home page</Link> or <Link href="/collaboratives">find a collaborative</Link>.
      </p>
    </>
  );
}
