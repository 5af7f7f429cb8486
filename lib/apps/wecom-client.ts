import "server-only";
import { appSecretContext, openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { createWecomClient, type WecomClient } from "@/lib/wecom";
import { PrismaCallLog } from "@/lib/wecom/store/prisma-call-log";
import { PrismaTokenStore } from "@/lib/wecom/store/prisma-token-store";

// One token store per process: its single-flight map and cache are keyed by the store
// object, and its lease rows coordinate with the other app instances.
const globalForWecom = globalThis as unknown as { meetbridgeTokens?: PrismaTokenStore };
const tokens = (globalForWecom.meetbridgeTokens ??= new PrismaTokenStore(db));
const callLog = new PrismaCallLog(db);

/**
 * The WeCom client of one of the tenant's apps. The app is read through the tenant
 * scope (another tenant's app id finds nothing); its secrets are opened here, on the
 * server, and go no further than the client.
 */
export async function wecomClientForApp(
  tenantDb: TenantDb,
  appId: string,
): Promise<{
  client: WecomClient;
  app: {
    id: string;
    name: string;
    kind: "self_built" | "third_party" | "custom";
    corpRowId: string;
  };
} | null> {
  const app = await tenantDb.app.findFirst({
    where: { id: appId },
    include: { corp: true },
    omit: {
      secretEnc: false,
      suiteSecretEnc: false,
      suiteTicketEnc: false,
      permanentCodeEnc: false,
    },
  });
  if (!app) return null;
  const open = (sealed: string | null, column: string) =>
    sealed ? openSecret(sealed, appSecretContext(app.tenantId, column)) : undefined;
  const client = createWecomClient(
    {
      id: app.id,
      tenantId: app.tenantId,
      name: app.name,
      kind: app.kind,
      corpId: app.corp.corpId,
      agentId: app.agentId,
      baseUrl: app.baseUrl,
      secret: open(app.secretEnc, "secretEnc"),
      suiteId: app.suiteId ?? undefined,
      suiteSecret: open(app.suiteSecretEnc, "suiteSecretEnc"),
      suiteTicket: open(app.suiteTicketEnc, "suiteTicketEnc"),
      permanentCode: open(app.permanentCodeEnc, "permanentCodeEnc"),
    },
    { tokens, callLog },
  );
  return { client, app: { id: app.id, name: app.name, kind: app.kind, corpRowId: app.corpRowId } };
}
