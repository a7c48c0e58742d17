-- CreateEnum
CREATE TYPE "MeasureChartType" AS ENUM ('XMR', 'P', 'P_PRIME', 'U', 'U_PRIME');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "chartType" "MeasureChartType" NOT NULL DEFAULT 'XMR';


-- P and U charts need a numerator and a denominator: a measure of plain numbers is charted XmR only
-- (the rule lib/measures/chart-types.ts gives the form, kept by the database too).
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_chartType_check" CHECK ("chartType" = 'XMR' OR "valueType" = 'RATE');
