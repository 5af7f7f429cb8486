-- DropForeignKey
ALTER TABLE "App" DROP CONSTRAINT "App_corpRowId_fkey";

-- DropForeignKey
ALTER TABLE "Mapping" DROP CONSTRAINT "Mapping_corpRowId_fkey";

-- DropForeignKey
ALTER TABLE "Mapping" DROP CONSTRAINT "Mapping_oaAccountId_fkey";

-- DropForeignKey
ALTER TABLE "Meeting" DROP CONSTRAINT "Meeting_appId_fkey";

-- DropForeignKey
ALTER TABLE "Meeting" DROP CONSTRAINT "Meeting_adminAccountId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "Corp_id_tenantId_key" ON "Corp"("id", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "App_id_tenantId_key" ON "App"("id", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "OaAccount_id_tenantId_key" ON "OaAccount"("id", "tenantId");

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp"("id", "tenantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_corpRowId_tenantId_fkey" FOREIGN KEY ("corpRowId", "tenantId") REFERENCES "Corp"("id", "tenantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_oaAccountId_tenantId_fkey" FOREIGN KEY ("oaAccountId", "tenantId") REFERENCES "OaAccount"("id", "tenantId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_appId_tenantId_fkey" FOREIGN KEY ("appId", "tenantId") REFERENCES "App"("id", "tenantId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_adminAccountId_tenantId_fkey" FOREIGN KEY ("adminAccountId", "tenantId") REFERENCES "OaAccount"("id", "tenantId") ON DELETE RESTRICT ON UPDATE CASCADE;
