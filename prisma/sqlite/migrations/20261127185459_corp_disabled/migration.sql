-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Corp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "corpId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Corp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Corp" ("corpId", "createdAt", "id", "name", "tenantId", "updatedAt") SELECT "corpId", "createdAt", "id", "name", "tenantId", "updatedAt" FROM "Corp";
DROP TABLE "Corp";
ALTER TABLE "new_Corp" RENAME TO "Corp";
CREATE UNIQUE INDEX "Corp_tenantId_corpId_key" ON "Corp"("tenantId", "corpId");
CREATE UNIQUE INDEX "Corp_id_tenantId_key" ON "Corp"("id", "tenantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
