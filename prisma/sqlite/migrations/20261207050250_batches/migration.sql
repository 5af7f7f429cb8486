-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByTokenId" TEXT,
    "fileName" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "Batch_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BatchRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "externalRef" TEXT,
    "values" JSONB NOT NULL,
    "cells" JSONB NOT NULL,
    "errors" JSONB,
    "warnings" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "alreadyBooked" BOOLEAN NOT NULL DEFAULT false,
    "bookedMeetingId" TEXT,
    "reason" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BatchRow_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BatchRow_batchId_tenantId_fkey" FOREIGN KEY ("batchId", "tenantId") REFERENCES "Batch" ("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT
);

-- CreateIndex
CREATE INDEX "Batch_tenantId_createdAt_idx" ON "Batch"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Batch_state_idx" ON "Batch"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_id_tenantId_key" ON "Batch"("id", "tenantId");

-- CreateIndex
CREATE INDEX "BatchRow_batchId_status_idx" ON "BatchRow"("batchId", "status");

-- CreateIndex
CREATE INDEX "BatchRow_tenantId_externalRef_idx" ON "BatchRow"("tenantId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRow_batchId_position_key" ON "BatchRow"("batchId", "position");
