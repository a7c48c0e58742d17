import type { Metadata } from "next";

export const metadata: Metadata = { title: "Accessibility statement" };

// Follows GOV.UK's model accessibility statement (its sections and, where it applies, its wording). Review it
// when the known issues change, and at least once a year.
export default function AccessibilityPage() {
  return (
    <>
      <h1>Accessibility statement for the Patient Safety Collaboratives portal</h1>
      <p>
        This accessibility statement applies to the Patient Safety Collaboratives portal. It is run for the 15 Patient
        Safety Collaboratives in England. We want as many people as possible to be able to use this website. For
        example, that means you should be able to:
      </p>
      <ul className="list-disc pl-6">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate most of the website using just a keyboard</li>
        <li>navigate most of the website using speech recognition software</li>
        <li>listen to most of the website using a screen reader</li>
        <li>fill in and send every public form with JavaScript switched off</li>
      </ul>
      <p>We have also made the website text as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you
        have a disability.
      </p>

      <h2>How accessible this website is</h2>
      <p>We know some parts of this website are not fully accessible:</p>
      <ul className="list-disc pl-6">
        <li>
          charts of measures are drawn as pictures: each has a text description and a table of its values, but the
          picture itself cannot be explored with a screen reader
        </li>
        <li>
          with JavaScript switched off, a page that cannot be found, or that you are not allowed to see, is blank
          instead of saying &ldquo;Page not found&rdquo;
        </li>
        <li>the website has not yet been audited by an accessibility specialist</li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information on this website in a different format, like accessible PDF, large print, easy read,
        audio recording or braille, contact your local Patient Safety Collaborative. We&apos;ll consider your request
        and get back to you.
      </p>

      <h2>Reporting accessibility problems with this website</h2>
      <p>
        We&apos;re always looking to improve the accessibility of this website. If you find any problems not listed on
        this page or think we&apos;re not meeting accessibility requirements, tell your local Patient Safety
        Collaborative.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;).
        If you&apos;re not happy with how we respond to your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2>Technical information about this website&apos;s accessibility</h2>
      <p>
        The NHS organisation that runs this portal is committed to making its website accessible, in accordance with the
        Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>

      <h3>Compliance status</h3>
      <p>
        This website is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to
        the non-compliances listed below.
      </p>

      <h2>Non-accessible content</h2>
      <p>The content listed below is non-accessible for the following reasons.</p>
      <h3>Non-compliance with the accessibility regulations</h3>
      <p>
        The pictures of charts cannot be explored point by point with a screen reader (WCAG 2.2 success criterion 1.1.1,
        non-text content, for the detail of each point). Each chart has a text description of what it shows and a table
        of every value, which give the same information.
      </p>
      <p>
        The website has not yet been audited by an accessibility specialist, so there may be problems we do not know of.
        Until it is, we do not claim full compliance.
      </p>
      <h3>Content that&apos;s not within the scope of the accessibility regulations</h3>
      <p>
        Files that people upload, such as spreadsheets of measure values, are theirs: we check what we read from them,
        not the files themselves.
      </p>

      <h2>What we&apos;re doing to improve accessibility</h2>
      <p>
        Every page our automated end-to-end tests visit is checked with the axe accessibility engine, and a test fails
        if any problem is found. Forms are tested with the keyboard alone, with JavaScript switched off and on a
        phone-sized screen. We will have the website audited by an accessibility specialist and fix what it finds.
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>This statement was prepared on 7 December 2026. It was last reviewed on 7 December 2026.</p>
      <p>
        This website was last tested on 7 December 2026, by the automated axe checks of the portal&apos;s end-to-end
        tests, which visit every kind of page, and by keyboard, screen-size and JavaScript-off tests.
      </p>
    </>
  );
}
