-- DropIndex
DROP INDEX "ApiIdempotency_tenantId_key_key";

-- CreateIndex
CREATE INDEX "ApiIdempotency_tenantId_idx" ON "ApiIdempotency"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIdempotency_tokenId_key_key" ON "ApiIdempotency"("tokenId", "key");
