"use client";
// The chart as a PNG, for slides and documents that take no SVG: the server's SVG drawn on a canvas at
// twice its size (sharp when printed or zoomed). Needs JavaScript, so nothing is shown until it runs.
import { useState } from "react";
import { useMounted } from "@/components/charts/use-mounted";

const SCALE = 2;

async function svgToPng(svgHref: string): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(svgHref, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The chart could not be loaded (${response.status})`);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = (/filename="([^"]+)\.svg"/.exec(disposition)?.[1] ?? "chart") + ".png";
  const url = URL.createObjectURL(new Blob([await response.text()], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth * SCALE;
    canvas.height = image.naturalHeight * SCALE;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw the chart");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("This browser cannot make a PNG");
    return { blob, filename };
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function PngDownload({ svgHref, name }: { svgHref: string; name: string }) {
  const mounted = useMounted();
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");
  if (!mounted) return null;

  async function download() {
    setState("working");
    try {
      const { blob, filename } = await svgToPng(svgHref);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <li>
      <button
        type="button"
        onClick={() => void download()}
        disabled={state === "working"}
        className="cursor-pointer text-nhs-blue underline disabled:opacity-60"
      >
        Download chart (PNG)<span className="sr-only">: {name}</span>
      </button>
      <span role="status" className="ml-2 text-nhs-secondary-text">
        {state === "working"
          ? "Making the PNG…"
          : state === "failed"
            ? "The PNG could not be made: download the SVG instead."
            : ""}
      </span>
    </li>
  );
}
