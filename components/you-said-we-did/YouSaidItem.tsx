// One published "You said, we did" item as the public sees it: the team's two summaries, the local
// priority, and a public project with its chart (server SVG: no JavaScript). Nothing the reporter wrote.
import Link from "next/link";
import type { PublicItem } from "@/lib/you-said-we-did/queries";
import { formatDate } from "@/lib/format";
import { ChartSvg } from "@/components/charts/ChartSvg";
import { ScrollableTable } from "@/components/ui/ScrollableTable";

export function YouSaidItem({
  item,
  collaborativeSlug,
  headingLevel = 2,
  showPriority = true,
}: {
  item: PublicItem;
  collaborativeSlug: string;
  headingLevel?: 2 | 3;
  showPriority?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <article aria-labelledby={`you-said-${item.id}`} className="mb-8 border-b border-nhs-grey-4 pb-6">
      <Heading id={`you-said-${item.id}`} className="mb-2">
        You said
      </Heading>
      <p className="whitespace-pre-line">{item.youSaid}</p>
      <Sub className="mb-2">We did</Sub>
      <p className="whitespace-pre-line">{item.weDid}</p>
      <p className="text-base text-nhs-secondary-text">
        Published {formatDate(item.publishedAt)}
        {showPriority && item.priority && (
          <>
            {" "}
            · Local priority:{" "}
            <Link href={`/collaboratives/${collaborativeSlug}/priorities/${item.priority.slug}`}>
              {item.priority.name}
            </Link>
          </>
        )}
        {item.project && (
          <>
            {" "}
            · Project: <Link href={`/projects/${item.project.id}`}>{item.project.title}</Link>
          </>
        )}
      </p>
      {item.chart && (
        <figure className="mb-0">
          <ScrollableTable label={`Chart of ${item.chart.name}`}>
            <ChartSvg
              id={`you-said-chart-${item.id}`}
              name={item.chart.name}
              unit={item.chart.unit}
              chart={item.chart.chart}
              kind={item.chart.kind}
            />
          </ScrollableTable>
          <figcaption className="text-base text-nhs-secondary-text">
            The project&rsquo;s latest chart: {item.chart.name}
          </figcaption>
        </figure>
      )}
    </article>
  );
}
