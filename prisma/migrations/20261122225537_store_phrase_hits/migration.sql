-- AlterTable
ALTER TABLE "interactions" ADD COLUMN     "phrase_hits" JSONB;

-- AlterTable
ALTER TABLE "quotes" ADD COLUMN     "phrase_hits" JSONB;

-- AlterTable
ALTER TABLE "ratings" ADD COLUMN     "phrase_hits" JSONB;
