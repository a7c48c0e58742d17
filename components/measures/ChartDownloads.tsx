// "Download chart (SVG)" is a plain link to the route handler, so it works without JavaScript; the PNG is
// drawn from that same SVG in the browser, so it is offered only once JavaScript is running.
import { PngDownload } from "./PngDownload";

export function ChartDownloads({ projectId, measureId, name }: { projectId: string; measureId: string; name: string }) {
  const svgHref = `/projects/${projectId}/measures/${measureId}/chart.svg`;
  return (
    <ul className="mb-4 flex list-none flex-wrap gap-x-6 gap-y-2 p-0 text-base">
      <li>
        <a href={svgHref} download>
          Download chart (SVG)<span className="sr-only">: {name}</span>
        </a>
      </li>
      <PngDownload svgHref={svgHref} name={name} />
    </ul>
  );
}
