// The other tenant e2e/seed-e2e.ts creates: its objects' ids, and the mark every one of
// its names carries, so that a page showing any of them is caught by a text search.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const OTHER_TENANT_MARK = "XT7Q";
export const OTHER_TENANT_FACTS = fileURLToPath(
  new URL("../.data/e2e-other-tenant.json", import.meta.url),
);

export interface OtherTenant {
  tenantId: string;
  userId: string;
  corpId: string;
  appId: string;
  accountId: string;
  mappingId: string;
  meetingId: string;
  batchId: string;
}

export function readOtherTenant(): OtherTenant {
  return JSON.parse(readFileSync(OTHER_TENANT_FACTS, "utf8")) as OtherTenant;
}
