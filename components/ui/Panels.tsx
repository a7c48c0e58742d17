import type { ReactNode } from "react";

/** Confirmation panel: the result of a completed transaction (e.g. a concern's reference). */
export function ConfirmationPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-8 bg-nhs-green p-6 text-center text-white sm:p-10">
      <h1 className="mb-4 text-white">{title}</h1>
      {children && <div className="text-xl">{children}</div>}
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="mb-6 border-l-[10px] border-nhs-blue bg-white p-4 sm:p-6">{children}</div>;
}

/** Warning callout: information people must read (e.g. "not for emergencies"). */
export function WarningCallout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mb-8 border-t-[20px] border-nhs-warm-yellow bg-nhs-pale-yellow p-4 sm:p-6">
      <h2 className="mb-2 text-xl sm:text-2xl">
        <span className="sr-only">Important: </span>
        {title}
      </h2>
      <div className="[&>p:last-child]:mb-0">{children}</div>
    </div>
  );
}

export function Card({
  title,
  href,
  children,
  headingLevel = 3,
}: {
  title: ReactNode;
  href?: string;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <div className="mb-6 border border-nhs-grey-4 bg-white p-5 shadow-[0_4px_0_var(--color-nhs-grey-4)]">
      <Heading className="mb-2 text-xl">{href ? <a href={href}>{title}</a> : title}</Heading>
      {children && <div className="text-base [&>p:last-child]:mb-0">{children}</div>}
    </div>
  );
}

const tagColours = {
  blue: "bg-[#d6e5f2] text-nhs-dark-blue border-[#b3cde6]",
  green: "bg-[#cce5d8] text-nhs-dark-green border-[#99cbb1]",
  grey: "bg-nhs-grey-4 text-nhs-text border-nhs-grey-3",
  red: "bg-[#f7d4d1] text-[#6b140e] border-[#efa9a3]",
  orange: "bg-[#fbe8cc] text-[#4d2b00] border-[#f8d199]",
  yellow: "bg-[#fff9c4] text-[#3d3100] border-[#ffeb3b]",
  purple: "bg-[#d6cce3] text-nhs-purple border-[#ad99c7]",
};

export function Tag({ children, colour = "blue" }: { children: ReactNode; colour?: keyof typeof tagColours }) {
  return (
    <strong className={`inline-block border px-2 py-0.5 text-sm font-bold ${tagColours[colour]}`}>{children}</strong>
  );
}

/** A list of key facts: label and value rows (NHS summary list). */
export function SummaryList({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="mb-8 bg-white">
      {rows.map((row) => (
        <div key={row.label} className="border-b border-nhs-grey-4 px-4 py-3 sm:flex sm:gap-6">
          <dt className="font-bold sm:w-1/3">{row.label}</dt>
          <dd className="sm:w-2/3">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BackLink({ href, children = "Back" }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="mb-6 inline-block text-base">
      ‹ {children}
    </a>
  );
}

/** The confirmation shown above a form after it worked. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="border-l-[10px] border-nhs-green bg-white p-4 font-bold">
      {children}
    </p>
  );
}

/**
 * NHS.UK care card (nhsuk-card--care): what to do when it is urgent ("urgent": red heading, white body)
 * or an emergency ("emergency": red heading, black body, white text). The heading says which, in words too.
 */
export function CareCard({
  kind,
  title,
  headingLevel = 2,
  children,
}: {
  kind: "urgent" | "emergency";
  title: string;
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const emergency = kind === "emergency";
  return (
    <section
      aria-label={title}
      className={`mb-8 border-nhs-red ${emergency ? "bg-nhs-text text-white [&_a]:text-white [&_a:visited]:text-white" : "border-2 bg-white"}`}
    >
      <div className="bg-nhs-red px-4 py-3 sm:px-6">
        <Heading className="mb-0 text-xl text-white sm:text-2xl">
          <span className="sr-only">{emergency ? "Immediate action required: " : "Urgent advice: "}</span>
          {title}
        </Heading>
      </div>
      <div className="p-4 sm:p-6 [&>*:last-child]:mb-0">{children}</div>
    </section>
  );
}
