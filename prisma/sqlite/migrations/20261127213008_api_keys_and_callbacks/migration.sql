-- AlterTable
ALTER TABLE "App" ADD COLUMN "callbackVerifiedAt" DATETIME;
ALTER TABLE "App" ADD COLUMN "lastCallbackAt" DATETIME;
ALTER TABLE "App" ADD COLUMN "lastCallbackError" TEXT;
ALTER TABLE "App" ADD COLUMN "lastCallbackOk" BOOLEAN;

-- CreateTable
CREATE TABLE "ApiIdempotency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "response" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "ApiIdempotency_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiIdempotency_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "changeType" TEXT,
    "wecomMeetingId" TEXT,
    "meetingId" TEXT,
    "body" TEXT NOT NULL,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "outcome" TEXT,
    "error" TEXT,
    CONSTRAINT "CallbackEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallbackEvent_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackNonce" (
    "appId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "nonce")
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_appId_tenantId_fkey" FOREIGN KEY ("appId", "tenantId") REFERENCES "App" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_adminAccountId_tenantId_fkey" FOREIGN KEY ("adminAccountId", "tenantId") REFERENCES "OaAccount" ("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdByTokenId_fkey" FOREIGN KEY ("createdByTokenId") REFERENCES "ApiToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "requestHash", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId") SELECT "adminAccountId", "adminUserId", "appId", "calId", "cancelledAt", "createdAt", "createdById", "description", "durationSec", "excessUsers", "id", "idempotencyKey", "isRepeat", "lastSyncedAt", "location", "meetingCode", "meetingLink", "remindBefore", "repeatInterval", "repeatType", "repeatUntil", "requestHash", "settings", "startAt", "status", "syncError", "syncState", "tenantId", "title", "updatedAt", "version", "wecomMeetingId" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_tenantId_status_startAt_idx" ON "Meeting"("tenantId", "status", "startAt");
CREATE INDEX "Meeting_tenantId_startAt_idx" ON "Meeting"("tenantId", "startAt");
CREATE INDEX "Meeting_tenantId_appId_startAt_idx" ON "Meeting"("tenantId", "appId", "startAt");
CREATE INDEX "Meeting_tenantId_adminAccountId_idx" ON "Meeting"("tenantId", "adminAccountId");
CREATE INDEX "Meeting_tenantId_syncState_idx" ON "Meeting"("tenantId", "syncState");
CREATE UNIQUE INDEX "Meeting_tenantId_idempotencyKey_key" ON "Meeting"("tenantId", "idempotencyKey");
CREATE UNIQUE INDEX "Meeting_appId_wecomMeetingId_key" ON "Meeting"("appId", "wecomMeetingId");
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'booker',
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("createdAt", "createdById", "id", "lastUsedAt", "name", "revokedAt", "role", "tenantId", "tokenHash") SELECT "createdAt", "createdById", "id", "lastUsedAt", "name", "revokedAt", "role", "tenantId", "tokenHash" FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_tenantId_idx" ON "ApiToken"("tenantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ApiIdempotency_expiresAt_idx" ON "ApiIdempotency"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIdempotency_tenantId_key_key" ON "ApiIdempotency"("tenantId", "key");

-- CreateIndex
CREATE INDEX "CallbackEvent_tenantId_receivedAt_idx" ON "CallbackEvent"("tenantId", "receivedAt");

-- CreateIndex
CREATE INDEX "CallbackEvent_processedAt_idx" ON "CallbackEvent"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackEvent_appId_dedupeKey_key" ON "CallbackEvent"("appId", "dedupeKey");

-- CreateIndex
CREATE INDEX "CallbackNonce_seenAt_idx" ON "CallbackNonce"("seenAt");
