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
    "status" TEXT NOT NULL DEFAULT 'active',
    "meetingPermission" TEXT NOT NULL DEFAULT 'unknown',
    "visibleRange" JSONB,
    "permissionCheckedAt" DATETIME,
    "permissionError" TEXT,
    "maxInvitees" INTEGER NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "App_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "App_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT
);
INSERT INTO "new_App" ("agentId", "baseUrl", "callbackAesKeyEnc", "callbackTokenEnc", "corpRowId", "createdAt", "id", "kind", "maxInvitees", "meetingPermission", "name", "permanentCodeEnc", "permissionCheckedAt", "permissionError", "secretEnc", "status", "suiteId", "suiteSecretEnc", "suiteTicketAt", "suiteTicketEnc", "tenantId", "updatedAt", "visibleRange") SELECT "agentId", "baseUrl", "callbackAesKeyEnc", "callbackTokenEnc", "corpRowId", "createdAt", "id", "kind", "maxInvitees", "meetingPermission", "name", "permanentCodeEnc", "permissionCheckedAt", "permissionError", "secretEnc", "status", "suiteId", "suiteSecretEnc", "suiteTicketAt", "suiteTicketEnc", "tenantId", "updatedAt", "visibleRange" FROM "App";
DROP TABLE "App";
ALTER TABLE "new_App" RENAME TO "App";
CREATE INDEX "App_tenantId_idx" ON "App"("tenantId");
CREATE INDEX "App_corpRowId_idx" ON "App"("corpRowId");
CREATE UNIQUE INDEX "App_id_tenantId_key" ON "App"("id", "tenantId");
CREATE TABLE "new_Mapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "corpRowId" TEXT NOT NULL,
    "oaAccountId" TEXT NOT NULL,
    "wecomUserId" TEXT NOT NULL,
    "verifyStatus" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Mapping_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mapping_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT "Mapping_oaAccountId_tenantId_fkey" FOREIGN KEY ("oaAccountId", "tenantId") REFERENCES "OaAccount" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT
);
INSERT INTO "new_Mapping" ("corpRowId", "createdAt", "id", "oaAccountId", "tenantId", "updatedAt", "verifiedAt", "verifyStatus", "wecomUserId") SELECT "corpRowId", "createdAt", "id", "oaAccountId", "tenantId", "updatedAt", "verifiedAt", "verifyStatus", "wecomUserId" FROM "Mapping";
DROP TABLE "Mapping";
ALTER TABLE "new_Mapping" RENAME TO "Mapping";
CREATE INDEX "Mapping_tenantId_idx" ON "Mapping"("tenantId");
CREATE INDEX "Mapping_oaAccountId_idx" ON "Mapping"("oaAccountId");
CREATE UNIQUE INDEX "Mapping_corpRowId_oaAccountId_key" ON "Mapping"("corpRowId", "oaAccountId");
CREATE UNIQUE INDEX "Mapping_corpRowId_wecomUserId_key" ON "Mapping"("corpRowId", "wecomUserId");
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "wecomMeetingId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
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
    "lastSyncedAt" DATETIME,
    "cancelledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_appId_tenantId_fkey" FOREIGN KEY ("appId", "tenantId") REFERENCES "App" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_adminAccountId_tenantId_fkey" FOREIGN KEY ("adminAccountId", "tenantId") REFERENCES "OaAccount" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId") SELECT "adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId" FROM "Meeting";
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
