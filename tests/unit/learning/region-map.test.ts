import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RegionMap, bandFor, colourBands } from "@/components/map/RegionMap";
import { REGION_MAP_ATTRIBUTION, REGION_PATHS } from "@/components/map/region-paths";

describe("the region outlines", () => {
  it("has the 15 collaboratives, each with a drawable path", () => {
    expect(REGION_PATHS).toHaveLength(15);
    expect(new Set(REGION_PATHS.map((r) => r.slug)).size).toBe(15);
    for (const r of REGION_PATHS) expect(r.d).toMatch(/^M[\d.]+ [\d.]+/);
  });
});

describe("colourBands", () => {
  it("gives small whole-number ranges one band per value", () => {
    const bands = colourBands([0, 1, 2, 3]);
    expect(bands.map((b) => b.text)).toEqual(["0", "1", "2", "3"]);
    expect(new Set(bands.map((b) => b.colour)).size).toBe(4);
    expect(bandFor(bands, 2)?.text).toBe("2");
  });

  it("splits wider ranges into five equal bands, the maximum in the last", () => {
    const bands = colourBands([0, 10, 100]);
    expect(bands).toHaveLength(5);
    expect(bandFor(bands, 100)).toBe(bands[4]);
    expect(bandFor(bands, 0)).toBe(bands[0]);
    expect(bandFor(bands, 20)).toBe(bands[1]);
  });

  it("copes with no values and with all values equal", () => {
    expect(colourBands([])).toEqual([]);
    expect(colourBands([4, 4])).toHaveLength(1);
  });
});

describe("RegionMap", () => {
  const html = renderToStaticMarkup(
    createElement(RegionMap, {
      values: { wessex: 3, oxford: 1, "south-london": null },
      label: "Teams adopting",
      highlight: "wessex",
      highlightLabel: "Where it started",
    }),
  );

  it("draws every region with a title saying its value in words", () => {
    expect(html.match(/<path [^>]*data-region=/g)).toHaveLength(15);
    expect(html).toContain("<title>Wessex: 3 teams adopting (where it started)</title>");
    expect(html).toContain("<title>South London: no data</title>");
  });

  it("has a table alternative with every region, and the attribution", () => {
    expect(html.match(/<tr [^>]*data-region=/g)).toHaveLength(15);
    expect(html).toContain("<caption");
    expect(html).toContain('scope="row"');
    expect(html).toContain(REGION_MAP_ATTRIBUTION.replace(/©/g, "©"));
  });

  it("outlines the highlighted region and explains it in the legend", () => {
    expect(html).toContain("Where it started (heavy outline)");
    // Exactly one outline is drawn over the map.
    expect(html).toMatch(/<g fill="none"[^>]*><path d="[^"]+"(\/>|><\/path>)<\/g>/);
  });
});
