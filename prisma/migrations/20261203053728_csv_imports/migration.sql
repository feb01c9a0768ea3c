-- CreateEnum
CREATE TYPE "CsvImportKind" AS ENUM ('ACCOUNTS', 'CONTACTS', 'INTERACTIONS', 'SERVICE_LEVELS', 'INCIDENTS');

-- CreateEnum
CREATE TYPE "CsvImportStatus" AS ENUM ('STAGED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "interactions" ADD COLUMN     "import_key" TEXT;

-- CreateTable
CREATE TABLE "csv_imports" (
    "id" TEXT NOT NULL,
    "kind" "CsvImportKind" NOT NULL,
    "status" "CsvImportStatus" NOT NULL DEFAULT 'STAGED',
    "file_name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "row_count" INTEGER NOT NULL,
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "csv_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "csv_imports_created_by_id_created_at_idx" ON "csv_imports"("created_by_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "interactions_account_id_import_key_key" ON "interactions"("account_id", "import_key");

-- AddForeignKey
ALTER TABLE "csv_imports" ADD CONSTRAINT "csv_imports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
