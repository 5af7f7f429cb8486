-- AlterEnum
ALTER TYPE "MeetingStatus" ADD VALUE 'failed';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "requestHash" TEXT;
