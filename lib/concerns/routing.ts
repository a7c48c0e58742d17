// Which collaborative a concern goes to. The postcode area → collaborative table is a default guess
// (some areas cross boundaries), so a postcode alone never decides: the person confirms it. An
// organisation chosen from the member list, or an area chosen from the list of regions, is the
// person's own answer. Pure: the look-ups come in as arguments.

/** "so16 6yd", "SO16", "SO166YD" → "SO"; null when it does not look like a UK postcode. */
export function postcodeAreaOf(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/\s+/g, "");
  const match = /^([A-Z]{1,2})[0-9][0-9A-Z]?(?:[0-9][A-Z]{2})?$/.exec(compact);
  return match ? match[1]! : null;
}

export type PostcodeRoute = { area: string; usual: string; alsoPossible: string[] };

export type RoutingInput = {
  /** The postcode's area and its usual collaborative, when a postcode was given and is known. */
  postcode: PostcodeRoute | null;
  /** The collaborative of the organisation chosen from the member list. */
  organisationCollaborative: string | null;
  /** The collaborative chosen from the list of regions ("if you do not know the postcode"). */
  region: string | null;
  /** The answer to the confirmation question, when it was asked. */
  confirmed: string | null;
};

export type RoutingDecision =
  | { kind: "routed"; collaborative: string }
  | { kind: "confirm"; reason: "postcode" | "conflict"; suggested: string; options: string[] }
  | { kind: "missing" };

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

export function decideRouting({
  postcode,
  organisationCollaborative,
  region,
  confirmed,
}: RoutingInput): RoutingDecision {
  const explicit = unique([organisationCollaborative, region]);
  if (postcode) {
    const fromPostcode = unique([postcode.usual, ...postcode.alsoPossible]);
    const options = unique([...explicit, ...fromPostcode]);
    if (confirmed && options.includes(confirmed)) return { kind: "routed", collaborative: confirmed };
    if (explicit.length === 1 && fromPostcode.includes(explicit[0]!))
      return { kind: "routed", collaborative: explicit[0]! };
    if (explicit.length === 0) return { kind: "confirm", reason: "postcode", suggested: postcode.usual, options };
    return { kind: "confirm", reason: "conflict", suggested: explicit[0]!, options };
  }
  if (explicit.length === 1) return { kind: "routed", collaborative: explicit[0]! };
  if (explicit.length > 1) {
    if (confirmed && explicit.includes(confirmed)) return { kind: "routed", collaborative: confirmed };
    return { kind: "confirm", reason: "conflict", suggested: explicit[0]!, options: explicit };
  }
  return { kind: "missing" };
}
