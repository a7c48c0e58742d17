"use client";

import { useEffect } from "react";

// Any unexpected error: a plain apology and a way on. Details go to the server log, not the page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later. If you were filling in a form, what you entered may not have been saved.</p>
      <p>
        <button type="button" onClick={reset} className="cursor-pointer text-nhs-blue underline">
          Try again
        </button>{" "}
        or <a href="/">go to the home page</a>.
      </p>
      {error.digest && <p className="text-nhs-secondary-text">Reference: {error.digest}</p>}
    </>
  );
}
