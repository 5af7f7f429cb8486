-- AlterTable
ALTER TABLE "App" ADD COLUMN     "roomPermission" "PermissionState" NOT NULL DEFAULT 'unknown',
ADD COLUMN     "roomsCheckedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "roomBookingId" TEXT,
ADD COLUMN     "roomConflicts" JSONB,
ADD COLUMN     "roomError" TEXT,
ADD COLUMN     "roomId" INTEGER;

-- CreateTable
CREATE TABLE "MeetingRoom" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "corpRowId" TEXT NOT NULL,
    "roomId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "building" TEXT NOT NULL DEFAULT '',
    "floor" TEXT NOT NULL DEFAULT '',
    "equipment" JSONB NOT NULL,
    "needApproval" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRoom_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingRoom_tenantId_idx" ON "MeetingRoom"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRoom_corpRowId_roomId_key" ON "MeetingRoom"("corpRowId", "roomId");

-- AddForeignKey
ALTER TABLE "MeetingRoom" ADD CONSTRAINT "MeetingRoom_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRoom" ADD CONSTRAINT "MeetingRoom_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp"("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT;
