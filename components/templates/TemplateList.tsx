import Link from "next/link";
import { pluralise } from "@/lib/format";
import type { TemplateSummary } from "@/lib/templates/queries";

/** The templates to start from, as links (no JavaScript needed): each opens its short form. */
export function TemplateList({
  templates,
  hrefFor,
}: {
  templates: TemplateSummary[];
  hrefFor: (key: string) => string;
}) {
  return (
    <ul className="mb-6 grid list-none gap-4 p-0 md:grid-cols-2">
      {templates.map((t) => (
        <li key={t.id} className="border-t-4 border-nhs-blue bg-white p-4">
          <h3 className="mb-2 text-xl">
            <Link href={hrefFor(t.key)}>{t.name}</Link>
          </h3>
          {t.priorityArea && <p className="mb-2 text-nhs-secondary-text">{t.priorityArea}</p>}
          <p className="mb-2">{t.description}</p>
          <p className="mb-0 text-nhs-secondary-text">
            {pluralise(t.measureCount, "measure")}, {pluralise(t.driverCount, "driver")},{" "}
            {pluralise(t.ideaCount, "change idea")}
          </p>
        </li>
      ))}
    </ul>
  );
}
