-- AlterTable
ALTER TABLE "Corp" ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false;
