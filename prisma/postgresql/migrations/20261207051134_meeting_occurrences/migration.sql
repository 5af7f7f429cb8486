-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "movedFromOccurrenceId" TEXT;

-- CreateTable
CREATE TABLE "MeetingOccurrence" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "subMeetingId" TEXT NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "endAt" TIMESTAMP(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingOccurrence_tenantId_startAt_idx" ON "MeetingOccurrence"("tenantId", "startAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOccurrence_meetingId_subMeetingId_key" ON "MeetingOccurrence"("meetingId", "subMeetingId");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_movedFromOccurrenceId_fkey" FOREIGN KEY ("movedFromOccurrenceId") REFERENCES "MeetingOccurrence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOccurrence" ADD CONSTRAINT "MeetingOccurrence_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
