/**
 * Renders a tree of SVG elements to markup, as react-dom/server's renderToStaticMarkup would (the unit
 * test compares the two on every chart it draws). Route handlers need it: Next resolves react-dom/server
 * there under the react-server condition, whose build throws ("not supported in React Server
 * Components"). It takes what a pure drawing component returns — host elements, function components
 * without hooks, fragments, arrays, text and numbers — and refuses anything else rather than guess.
 */
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** React's SVG attribute names: camelCase props become hyphenated, except the few SVG spells in camelCase. */
const CAMEL_CASE_ATTRIBUTES = new Set(["viewBox", "preserveAspectRatio", "patternUnits", "gradientUnits"]);
function attributeName(prop: string): string {
  if (prop === "className") return "class";
  if (CAMEL_CASE_ATTRIBUTES.has(prop) || prop.startsWith("aria-") || prop.startsWith("data-")) return prop;
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function svgMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeMarkup(node);
  if (typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map((child: ReactNode) => svgMarkup(child)).join("");
  if (!isValidElement(node)) throw new Error("svgMarkup renders elements, text, numbers and arrays only");
  const { type, props } = node as ReactElement<{ children?: ReactNode } & Record<string, unknown>>;
  if (type === Fragment) return svgMarkup(props.children);
  if (typeof type === "function") return svgMarkup((type as (props: unknown) => ReactNode)(props));
  if (typeof type !== "string") throw new Error("svgMarkup renders host elements and plain function components only");
  let attributes = "";
  for (const [prop, value] of Object.entries(props)) {
    if (prop === "children" || value === null || value === undefined) continue;
    // React writes booleans differently per attribute: the drawing passes strings and numbers only.
    if (typeof value !== "string" && typeof value !== "number")
      throw new Error(`svgMarkup cannot write the ${prop} attribute (${typeof value})`);
    attributes += ` ${attributeName(prop)}="${escapeMarkup(String(value))}"`;
  }
  return `<${type}${attributes}>${svgMarkup(props.children)}</${type}>`;
}
