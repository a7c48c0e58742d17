/** What someone signed in without the right role sees instead of a dashboard. */
export function AccessDenied({ what }: { what: string }) {
  return (
    <>
      <h1>You do not have access to {what}</h1>
      <p>This dashboard is for the national team and administrators, and for each collaborative’s leads on their own collaborative’s figures.</p>
      <p>
        If you think you should have access, ask your collaborative’s lead or the national team. <a href="/">Go to the home page</a>.
      </p>
    </>
  );
}
