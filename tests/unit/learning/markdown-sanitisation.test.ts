// Every payload in an XSS corpus, written into a learning item's Markdown body, must render inert:
// only an allow-list of harmless elements, no event handlers or style, and no link that runs code.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "@/components/learning/MarkdownBody";
import { safeUrl } from "@/lib/learning/safe-url";
import { XSS_PAYLOADS as PAYLOADS } from "@/tests/fixtures/xss-payloads";

const ALLOWED_ELEMENTS = new Set([
  "div",
  "p",
  "a",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "em",
  "strong",
  "br",
  "hr",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "rel", "class", "title"]);

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(MarkdownBody, { markdown }));
}

/** React's output is well-formed: every "<" starts a tag; collect each element and its attributes. */
function elements(html: string) {
  const found: { name: string; attributes: { name: string; value: string }[] }[] = [];
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g;
  let rest = html;
  for (const match of html.matchAll(tag)) {
    rest = rest.replace(match[0], "");
    if (match[0].startsWith("</")) continue;
    const attributes = [...match[2]!.matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => ({
      name: a[1]!,
      value: a[2] ?? "",
    }));
    found.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return { found, strayAngleBrackets: rest.includes("<") };
}

function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

describe("learning Markdown against an XSS corpus", () => {
  it.each(PAYLOADS.map((p) => [p]))("renders %j inert", (payload) => {
    const html = render(`Intro paragraph.\n\n${payload}\n\nClosing paragraph.`);
    const { found, strayAngleBrackets } = elements(html);
    expect(strayAngleBrackets).toBe(false);
    for (const element of found) {
      expect(ALLOWED_ELEMENTS, `element <${element.name}> in ${html}`).toContain(element.name);
      for (const attribute of element.attributes) {
        expect(ALLOWED_ATTRIBUTES, `attribute ${attribute.name} in ${html}`).toContain(attribute.name.toLowerCase());
        if (attribute.name === "href") {
          const href = decodeEntities(attribute.value).replace(/[\p{Cc} ]/gu, "");
          expect(href, html).not.toMatch(/^(javascript|vbscript|data|file):/i);
          expect(href === "#" || /^(https?:|mailto:|\/|#|\?|\.|[^:]*$)/i.test(href), `href ${href}`).toBe(true);
        }
      }
    }
  });

  it("still renders ordinary Markdown: emphasis, lists, safe links, headings below the page's h1", () => {
    const html = render(
      "# What we did\n\nWe used **Baywatch** and a [huddle prompt](https://example.nhs.uk/huddle).\n\n- one\n- two\n\n[policy](/learning/falls-policy) and [email us](mailto:team@example.nhs.uk)",
    );
    expect(html).toContain("<h2>What we did</h2>");
    expect(html).toContain("<strong>Baywatch</strong>");
    expect(html).toContain(
      '<a href="https://example.nhs.uk/huddle" rel="noopener noreferrer nofollow ugc">huddle prompt</a>',
    );
    expect(html).toContain('<a href="/learning/falls-policy">policy</a>');
    expect(html).toContain('href="mailto:team@example.nhs.uk"');
    expect(html).toMatch(/<li>one<\/li>/);
    expect(html).not.toContain("<h1");
  });

  it("shows raw HTML as text or drops it, never as markup", () => {
    const html = render("Before <b onclick=alert(1)>bold</b> after");
    expect(html).not.toContain("<b");
    expect(html).toContain("bold");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.org/a?b#c", "https://example.org/a?b#c"],
    ["http://example.org", "http://example.org"],
    ["mailto:a@b.nhs.uk", "mailto:a@b.nhs.uk"],
    ["/learning/x", "/learning/x"],
    ["#section", "#section"],
    ["?q=falls", "?q=falls"],
    ["relative/path", "relative/path"],
    ["//cdn.example.org/x", "//cdn.example.org/x"],
    ["javascript:alert(1)", "#"],
    [" JAVASCRIPT:alert(1)", "#"],
    ["java\nscript:alert(1)", "#"],
    ["data:text/html,hi", "#"],
    ["vbscript:x", "#"],
    ["tel:999", "#"],
    ["a:b/c", "#"],
    ["", "#"],
  ])("%j → %j", (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
