-- CreateEnum
CREATE TYPE "HealthTrend" AS ENUM ('IMPROVING', 'STABLE', 'WORSENING', 'UNKNOWN');

-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "health_risk" DOUBLE PRECISION,
ADD COLUMN     "health_trend" "HealthTrend" NOT NULL DEFAULT 'UNKNOWN';
