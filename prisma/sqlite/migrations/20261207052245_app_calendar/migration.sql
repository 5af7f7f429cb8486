-- AlterTable
ALTER TABLE "App" ADD COLUMN "calId" TEXT;
