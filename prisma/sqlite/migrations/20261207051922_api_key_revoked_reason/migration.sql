-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "revokedReason" TEXT;

-- CreateIndex
CREATE INDEX "ApiToken_tenantId_createdById_idx" ON "ApiToken"("tenantId", "createdById");
