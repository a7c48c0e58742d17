/** Previous / next links that keep the current query string (filters live in the URL). */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="my-8 flex items-center justify-between text-lg">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          ‹ Previous<span className="sr-only"> page</span>
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          Next<span className="sr-only"> page</span> ›
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
