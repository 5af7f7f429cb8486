-- AlterTable
ALTER TABLE "App" ADD COLUMN     "callbackVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "lastCallbackAt" TIMESTAMP(3),
ADD COLUMN     "lastCallbackError" TEXT,
ADD COLUMN     "lastCallbackOk" BOOLEAN;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "createdByTokenId" TEXT;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "prefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revokedById" TEXT;

-- CreateTable
CREATE TABLE "ApiIdempotency" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "response" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiIdempotency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "changeType" TEXT,
    "wecomMeetingId" TEXT,
    "meetingId" TEXT,
    "body" TEXT NOT NULL,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "CallbackEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackNonce" (
    "appId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackNonce_pkey" PRIMARY KEY ("appId","nonce")
);

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

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdByTokenId_fkey" FOREIGN KEY ("createdByTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiIdempotency" ADD CONSTRAINT "ApiIdempotency_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiIdempotency" ADD CONSTRAINT "ApiIdempotency_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackEvent" ADD CONSTRAINT "CallbackEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackEvent" ADD CONSTRAINT "CallbackEvent_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
