-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "requestHash" TEXT;
