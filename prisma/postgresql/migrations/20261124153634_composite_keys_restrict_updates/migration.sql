-- DropForeignKey
ALTER TABLE "App" DROP CONSTRAINT "App_corpRowId_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Mapping" DROP CONSTRAINT "Mapping_corpRowId_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Mapping" DROP CONSTRAINT "Mapping_oaAccountId_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Meeting" DROP CONSTRAINT "Meeting_appId_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "Meeting" DROP CONSTRAINT "Meeting_adminAccountId_tenantId_fkey";

-- CreateIndex
CREATE INDEX "Mapping_oaAccountId_idx" ON "Mapping"("oaAccountId");

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp"("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp"("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_oaAccountId_tenantId_fkey" FOREIGN KEY ("oaAccountId", "tenantId") REFERENCES "OaAccount"("id", "tenantId") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_appId_tenantId_fkey" FOREIGN KEY ("appId", "tenantId") REFERENCES "App"("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_adminAccountId_tenantId_fkey" FOREIGN KEY ("adminAccountId", "tenantId") REFERENCES "OaAccount"("id", "tenantId") ON DELETE RESTRICT ON UPDATE RESTRICT;
