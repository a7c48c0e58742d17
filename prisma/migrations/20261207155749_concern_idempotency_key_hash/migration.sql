-- Idempotency keys are stored as a keyed hash from now on; the clear column is emptied by the
-- concerns.hash-legacy-keys job (the secret is not available to SQL) and dropped in a later release.
-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "idempotencyKeyHash" TEXT,
ADD COLUMN     "trackingTokenSealed" TEXT,
ALTER COLUMN "idempotencyKey" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Concern_idempotencyKeyHash_key" ON "Concern"("idempotencyKeyHash");

