import Markdown, { type Components } from "react-markdown";
import { isExternalUrl, safeUrl } from "@/lib/learning/safe-url";

// Learning items are written in Markdown. Raw HTML is never rendered (react-markdown escapes it and we
// do not add rehype-raw), every URL goes through safeUrl, images become plain links (no tracking
// pixels or mixed content), and headings start at h2 so the page keeps one h1.
const components: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  h5: ({ children }) => <h6>{children}</h6>,
  h6: ({ children }) => <h6>{children}</h6>,
  a: ({ href, children }) => {
    const url = safeUrl(href);
    return isExternalUrl(url) ? (
      <a href={url} rel="noopener noreferrer nofollow ugc">
        {children}
      </a>
    ) : (
      <a href={url}>{children}</a>
    );
  },
  img: ({ src, alt }) => {
    const url = safeUrl(typeof src === "string" ? src : undefined);
    return (
      <a href={url} rel="noopener noreferrer nofollow ugc">
        {alt ? `Image: ${alt}` : "Image"}
      </a>
    );
  },
  ul: ({ children }) => <ul className="mb-4 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="mb-4 list-decimal pl-6">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="mb-4 border-l-4 border-nhs-grey-3 pl-4">{children}</blockquote>,
  pre: ({ children }) => <pre className="mb-4 overflow-x-auto bg-white p-3 text-base">{children}</pre>,
};

export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <div className="max-w-3xl [&_p]:mb-4">
      <Markdown components={components} skipHtml urlTransform={safeUrl}>
        {markdown}
      </Markdown>
    </div>
  );
}
