-- AlterTable
ALTER TABLE "interactions" ADD COLUMN     "topic" TEXT NOT NULL DEFAULT '';
