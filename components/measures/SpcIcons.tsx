// The Making Data Count icons, each with its meaning in words beside it (the icon alone is decoration).
import type { Assurance, Variation } from "@/lib/spc";
import { SPC_COLOURS } from "@/lib/spc/describe";

function variationLook(variation: Variation | null): { colour: string; letter: string; title: string } {
  switch (variation) {
    case "improvement-high":
      return { colour: SPC_COLOURS.improvement, letter: "H", title: "Improvement (high)" };
    case "improvement-low":
      return { colour: SPC_COLOURS.improvement, letter: "L", title: "Improvement (low)" };
    case "concern-high":
      return { colour: SPC_COLOURS.concern, letter: "H", title: "Concern (high)" };
    case "concern-low":
      return { colour: SPC_COLOURS.concern, letter: "L", title: "Concern (low)" };
    case "neither-high":
      return { colour: SPC_COLOURS.neither, letter: "H", title: "Higher" };
    case "neither-low":
      return { colour: SPC_COLOURS.neither, letter: "L", title: "Lower" };
    case "common-cause":
      return { colour: SPC_COLOURS.common, letter: "", title: "Common cause" };
    default:
      return { colour: "#aeb7bd", letter: "–", title: "Not enough data" };
  }
}

function assuranceLook(assurance: Assurance | null): { colour: string; letter: string; title: string } {
  switch (assurance) {
    case "consistently-meets":
      return { colour: SPC_COLOURS.improvement, letter: "P", title: "Consistently passes" };
    case "consistently-fails":
      return { colour: SPC_COLOURS.concern, letter: "F", title: "Consistently fails" };
    case "inconsistent":
      return { colour: SPC_COLOURS.common, letter: "?", title: "Hit and miss" };
    default:
      return { colour: "#aeb7bd", letter: "–", title: "No assurance" };
  }
}

function Icon({ colour, letter, flat = false }: { colour: string; letter: string; flat?: boolean }) {
  return (
    <svg viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false" className="shrink-0">
      <circle cx="20" cy="20" r="17" fill="#ffffff" stroke={colour} strokeWidth="4" />
      {flat ? (
        <path
          d="M9 21 L14 18 L19 23 L24 17 L31 21"
          fill="none"
          stroke={colour}
          strokeWidth="2.5"
          strokeLinejoin="round"
        />
      ) : (
        <text
          x="20"
          y="26.5"
          textAnchor="middle"
          fontSize="18"
          fontWeight="700"
          fontFamily="Arial, sans-serif"
          fill={colour === "#aeb7bd" ? "#425563" : colour}
        >
          {letter}
        </text>
      )}
    </svg>
  );
}

export function SpcIcons({
  variation,
  variationText,
  assurance,
  assuranceText,
  hasTarget,
}: {
  variation: Variation | null;
  variationText: string;
  assurance: Assurance | null;
  assuranceText: string;
  hasTarget: boolean;
}) {
  const v = variationLook(variation);
  const a = assuranceLook(assurance);
  return (
    <ul className="mb-4 grid list-none gap-3 p-0 sm:grid-cols-2">
      <li className="flex items-start gap-3">
        <Icon colour={v.colour} letter={v.letter} flat={variation === "common-cause"} />
        <p className="mb-0">
          <strong className="block">Variation: {v.title}</strong>
          {variationText}
        </p>
      </li>
      {hasTarget && (
        <li className="flex items-start gap-3">
          <Icon colour={a.colour} letter={a.letter} />
          <p className="mb-0">
            <strong className="block">Assurance: {a.title}</strong>
            {assuranceText}
          </p>
        </li>
      )}
    </ul>
  );
}

/** The two icons small, each with its name in words: for lists of measures (the home page). */
export function SpcIconBadges({
  variation,
  assurance,
  hasTarget,
}: {
  variation: Variation | null;
  assurance: Assurance | null;
  hasTarget: boolean;
}) {
  const v = variationLook(variation);
  const a = assuranceLook(assurance);
  return (
    <ul className="mb-0 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-base">
      <li className="mb-0 flex items-center gap-2">
        <span className="block h-8 w-8 [&>svg]:h-8 [&>svg]:w-8">
          <Icon colour={v.colour} letter={v.letter} flat={variation === "common-cause"} />
        </span>
        <span>Variation: {v.title}</span>
      </li>
      {hasTarget && (
        <li className="mb-0 flex items-center gap-2">
          <span className="block h-8 w-8 [&>svg]:h-8 [&>svg]:w-8">
            <Icon colour={a.colour} letter={a.letter} />
          </span>
          <span>Assurance: {a.title}</span>
        </li>
      )}
    </ul>
  );
}
