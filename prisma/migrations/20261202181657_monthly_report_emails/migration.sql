-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'MONTHLY_REPORT';

-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "account_id" TEXT,
ADD COLUMN     "report_month" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_kind_account_id_report_month_key" ON "email_messages"("kind", "account_id", "report_month");

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
