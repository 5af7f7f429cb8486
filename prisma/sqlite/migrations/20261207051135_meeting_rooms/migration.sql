-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "roomBookingId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "roomConflicts" JSONB;
ALTER TABLE "Meeting" ADD COLUMN "roomError" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "roomId" INTEGER;

-- CreateTable
CREATE TABLE "MeetingRoom" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingRoom_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingRoom_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_App" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "corpRowId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agentId" INTEGER,
    "baseUrl" TEXT NOT NULL DEFAULT 'https://qyapi.weixin.qq.com/cgi-bin/',
    "secretEnc" TEXT,
    "suiteId" TEXT,
    "suiteSecretEnc" TEXT,
    "suiteTicketEnc" TEXT,
    "suiteTicketAt" DATETIME,
    "permanentCodeEnc" TEXT,
    "callbackTokenEnc" TEXT,
    "callbackAesKeyEnc" TEXT,
    "lastCallbackAt" DATETIME,
    "lastCallbackOk" BOOLEAN,
    "lastCallbackError" TEXT,
    "callbackVerifiedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "meetingPermission" TEXT NOT NULL DEFAULT 'unknown',
    "visibleRange" JSONB,
    "permissionCheckedAt" DATETIME,
    "permissionError" TEXT,
    "maxInvitees" INTEGER NOT NULL DEFAULT 100,
    "roomPermission" TEXT NOT NULL DEFAULT 'unknown',
    "roomsCheckedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "App_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "App_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT
);
INSERT INTO "new_App" ("agentId", "baseUrl", "callbackAesKeyEnc", "callbackTokenEnc", "callbackVerifiedAt", "corpRowId", "createdAt", "id", "kind", "lastCallbackAt", "lastCallbackError", "lastCallbackOk", "maxInvitees", "meetingPermission", "name", "permanentCodeEnc", "permissionCheckedAt", "permissionError", "secretEnc", "status", "suiteId", "suiteSecretEnc", "suiteTicketAt", "suiteTicketEnc", "tenantId", "updatedAt", "visibleRange") SELECT "agentId", "baseUrl", "callbackAesKeyEnc", "callbackTokenEnc", "callbackVerifiedAt", "corpRowId", "createdAt", "id", "kind", "lastCallbackAt", "lastCallbackError", "lastCallbackOk", "maxInvitees", "meetingPermission", "name", "permanentCodeEnc", "permissionCheckedAt", "permissionError", "secretEnc", "status", "suiteId", "suiteSecretEnc", "suiteTicketAt", "suiteTicketEnc", "tenantId", "updatedAt", "visibleRange" FROM "App";
DROP TABLE "App";
ALTER TABLE "new_App" RENAME TO "App";
CREATE INDEX "App_tenantId_idx" ON "App"("tenantId");
CREATE INDEX "App_corpRowId_idx" ON "App"("corpRowId");
CREATE UNIQUE INDEX "App_id_tenantId_key" ON "App"("id", "tenantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MeetingRoom_tenantId_idx" ON "MeetingRoom"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRoom_corpRowId_roomId_key" ON "MeetingRoom"("corpRowId", "roomId");
