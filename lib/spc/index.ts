/**
 * NHS England "Making Data Count" SPC maths: XmR charts (with rebasing), P and U charts (with Laney's
 * P′/U′), run charts (Anhøj rules),
 * icon wording and colours. Pure functions, no dependencies.
 */
export type {
  Assurance,
  Direction,
  RunChartResult,
  SpcRule,
  SpecialCause,
  Variation,
  XmrOptions,
  XmrPeriod,
  XmrPoint,
  XmrRebaseResult,
  XmrResult,
} from "./types";
export {
  CLOSE_FACTOR,
  LIMIT_FACTOR,
  MIN_POINTS_FOR_FIRM_LIMITS,
  MR_SCREEN_FACTOR,
  RUN_LENGTH,
  SPC_RULE_ORDER,
  limitsAreProvisional,
  xmrChart,
} from "./xmr";
export { xmrChartWithRebase } from "./rebase";
export { binomialHalfQuantile, runChart } from "./run-chart";
export { SPC_COLOURS, describeAssurance, describeVariation } from "./describe";
export type {
  AttributeChartOptions,
  AttributeChartPoint,
  AttributeChartResult,
  AttributeKind,
  AttributePeriod,
  AttributePoint,
  AttributeRebaseResult,
} from "./pchart";
export { D2, SIGMA_LIMITS, attributeChartWithRebase, laneySigmaZ, pChart, uChart } from "./pchart";
export { funnelLimits, funnelPlot } from "./funnel";
export type { FunnelDataType, FunnelLimits, FunnelOutlier, FunnelResult, FunnelUnit, FunnelUnitResult } from "./funnel";
