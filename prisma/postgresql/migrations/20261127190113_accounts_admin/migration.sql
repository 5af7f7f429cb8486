-- AlterTable
ALTER TABLE "Mapping" ADD COLUMN     "verifiedAppId" TEXT;

-- CreateIndex
CREATE INDEX "OaAccount_tenantId_department_jobNumber_idx" ON "OaAccount"("tenantId", "department", "jobNumber");

-- CreateIndex
CREATE INDEX "Mapping_tenantId_verifyStatus_idx" ON "Mapping"("tenantId", "verifyStatus");
