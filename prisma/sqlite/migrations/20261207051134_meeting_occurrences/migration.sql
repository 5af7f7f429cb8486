-- CreateTable
CREATE TABLE "MeetingOccurrence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "subMeetingId" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "endAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingOccurrence_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "wecomMeetingId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT,
    "title" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "durationSec" INTEGER NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "adminAccountId" TEXT NOT NULL,
    "adminUserId" TEXT NOT NULL,
    "settings" JSONB,
    "isRepeat" BOOLEAN NOT NULL DEFAULT false,
    "repeatType" INTEGER,
    "repeatInterval" INTEGER,
    "repeatUntil" DATETIME,
    "remindBefore" JSONB,
    "calId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'booked',
    "syncState" TEXT NOT NULL DEFAULT 'pending',
    "syncError" TEXT,
    "meetingCode" TEXT,
    "meetingLink" TEXT,
    "excessUsers" JSONB,
    "createdById" TEXT,
    "createdByTokenId" TEXT,
    "lastSyncedAt" DATETIME,
    "cancelledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "movedFromOccurrenceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_appId_tenantId_fkey" FOREIGN KEY ("appId", "tenantId") REFERENCES "App" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_adminAccountId_tenantId_fkey" FOREIGN KEY ("adminAccountId", "tenantId") REFERENCES "OaAccount" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdByTokenId_fkey" FOREIGN KEY ("createdByTokenId") REFERENCES "ApiToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_movedFromOccurrenceId_fkey" FOREIGN KEY ("movedFromOccurrenceId") REFERENCES "MeetingOccurrence" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "createdByTokenId", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "requestHash", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId") SELECT "adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "createdByTokenId", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "requestHash", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_tenantId_status_startAt_idx" ON "Meeting"("tenantId", "status", "startAt");
CREATE INDEX "Meeting_tenantId_startAt_idx" ON "Meeting"("tenantId", "startAt");
CREATE INDEX "Meeting_tenantId_appId_startAt_idx" ON "Meeting"("tenantId", "appId", "startAt");
CREATE INDEX "Meeting_tenantId_adminAccountId_idx" ON "Meeting"("tenantId", "adminAccountId");
CREATE INDEX "Meeting_tenantId_syncState_idx" ON "Meeting"("tenantId", "syncState");
CREATE UNIQUE INDEX "Meeting_tenantId_idempotencyKey_key" ON "Meeting"("tenantId", "idempotencyKey");
CREATE UNIQUE INDEX "Meeting_appId_wecomMeetingId_key" ON "Meeting"("appId", "wecomMeetingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MeetingOccurrence_tenantId_startAt_idx" ON "MeetingOccurrence"("tenantId", "startAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOccurrence_meetingId_subMeetingId_key" ON "MeetingOccurrence"("meetingId", "subMeetingId");
