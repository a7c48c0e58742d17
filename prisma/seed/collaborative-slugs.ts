// The 15 collaboratives' slugs, in the order of the programme's list (see reference-data.ts).
export const COLLABORATIVE_SLUGS = [
  "north-east-north-cumbria",
  "north-west-coast",
  "greater-manchester",
  "yorkshire-humber",
  "east-midlands",
  "west-midlands",
  "eastern",
  "oxford",
  "west-of-england",
  "wessex",
  "south-west",
  "kent-surrey-sussex",
  "south-london",
  "north-west-london",
  "uclpartners",
] as const;

export type CollaborativeSlug = (typeof COLLABORATIVE_SLUGS)[number];
