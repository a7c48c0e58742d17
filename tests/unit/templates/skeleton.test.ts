// The driver diagram of a template as lines of text: what an administrator types is what a project gets.
import { describe, expect, it } from "vitest";
import { parseSkeleton, skeletonCounts, skeletonToText } from "@/lib/templates/skeleton";
import { createTemplateSchema, templateFormValues } from "@/lib/templates/schemas";
import { titleFrom } from "@/lib/templates/title";
import { NATIONAL_TEMPLATES } from "@/prisma/seed/project-templates";

describe("parseSkeleton", () => {
  it("reads primary drivers, secondary drivers under them and change ideas under the driver above", () => {
    const parsed = parseSkeleton(
      "Risks are found\n  * Checklist\n- Blood pressure\r\n  * Lying and standing\n\n* Second idea\nRisks are acted on",
    );
    expect(parsed).toEqual({
      ok: true,
      skeleton: [
        {
          text: "Risks are found",
          ideas: ["Checklist"],
          secondaries: [{ text: "Blood pressure", ideas: ["Lying and standing", "Second idea"] }],
        },
        { text: "Risks are acted on", ideas: [], secondaries: [] },
      ],
    });
  });

  it("names the line that cannot be placed", () => {
    expect(parseSkeleton("\n- Orphan")).toEqual({ ok: false, message: expect.stringContaining("Line 2") });
    expect(parseSkeleton("* Orphan idea")).toEqual({ ok: false, message: expect.stringContaining("Line 1") });
    expect(parseSkeleton("Driver\n- ")).toEqual({ ok: false, message: "Line 2 has a marker but no text" });
  });

  it("prints every national template's skeleton as text that reads back the same", () => {
    for (const t of NATIONAL_TEMPLATES) {
      expect(parseSkeleton(skeletonToText(t.drivers))).toEqual({ ok: true, skeleton: t.drivers });
      expect(skeletonCounts(t.drivers).ideas).toBeGreaterThan(0);
    }
  });
});

describe("the template edit form", () => {
  it("gives back every national template unchanged when saved as shown", () => {
    for (const t of NATIONAL_TEMPLATES) {
      const values = templateFormValues({ ...t, priorityAreaId: "", drivers: skeletonToText(t.drivers) });
      const parsed = createTemplateSchema.parse({ ...values, key: t.key });
      expect(parsed.measures).toEqual(t.measures);
      expect(parsed.drivers).toEqual(t.drivers);
    }
  });

  it("leaves out a blank measure row and asks for what a half-filled row is missing, beside its field", () => {
    const result = createTemplateSchema.safeParse({ key: "k", name: "N", m1_name: "Falls", drivers: "" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["m1_definition", "m1_kind", "m1_direction", "m1_valueType"]);
    expect(createTemplateSchema.parse({ key: "k", name: "N", drivers: "" }).measures).toEqual([]);
  });
});

describe("titleFrom", () => {
  it("adds where the work came from and keeps within the title's 200 characters", () => {
    expect(titleFrom("Red socks", "Wessex Patient Safety Collaborative")).toBe(
      "Red socks (from Wessex Patient Safety Collaborative)",
    );
    const long = titleFrom("x".repeat(200), "Oxford");
    expect(long).toHaveLength(200);
    expect(long.endsWith("… (from Oxford)")).toBe(true);
  });
});
