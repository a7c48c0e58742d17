import type { Metadata } from "next";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <>
      <h1>Accessibility statement</h1>
      <p>We want as many people as possible to be able to use this service. You should be able to:</p>
      <ul className="list-disc pl-6">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard</li>
        <li>use the service with a screen reader</li>
        <li>fill in and send every form with JavaScript switched off</li>
      </ul>
      <h2>How we test</h2>
      <p>
        The service is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page visited
        by our automated end-to-end tests is checked with the axe accessibility engine, and a test fails if any problem
        is found. Charts have a text description and a data table.
      </p>
      <h2>Reporting problems</h2>
      <p>
        If you find a problem that is not listed here, tell your local Patient Safety Collaborative, and we will fix it.
      </p>
    </>
  );
}
