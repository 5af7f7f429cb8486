import "server-only";
import { openAppSecret, type AppSecretColumn } from "@/lib/crypto/app-secret";
import { db } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { createWecomClient, type WecomAppCredentials, type WecomClient } from "@/lib/wecom";
import { logger } from "@/lib/observability/logger";
import { observedCallLog } from "@/lib/observability/wecom-calls";
import { tokenManagerFor } from "@/lib/wecom/token-manager";
import { PrismaCallLog } from "@/lib/wecom/store/prisma-call-log";
import { PrismaTokenStore } from "@/lib/wecom/store/prisma-token-store";

// One token store per process: its single-flight map and cache are keyed by the store
// object, and its lease rows coordinate with the other app instances.
const globalForWecom = globalThis as unknown as { meetbridgeTokens?: PrismaTokenStore };
const tokens = (globalForWecom.meetbridgeTokens ??= new PrismaTokenStore(db));
// Each attempt is also a log line and a metric sample (lib/observability/wecom-calls.ts).
const callLog = observedCallLog(new PrismaCallLog(db));

export interface AppOfClient {
  id: string;
  name: string;
  kind: "self_built" | "third_party" | "custom";
  corpRowId: string;
  status: "active" | "unauthorised" | "disabled";
}

/**
 * How an app is read with what its client needs: its corp and its sealed credentials
 * (omitted from every other read of the model). Spread into a query of the tenant's apps.
 */
export const APP_CREDENTIALS_QUERY = {
  include: { corp: true },
  omit: {
    secretEnc: false,
    suiteSecretEnc: false,
    suiteTicketEnc: false,
    permanentCodeEnc: false,
  },
} as const;

type CredentialRow = NonNullable<Awaited<ReturnType<typeof readAppRow>>>;

function readAppRow(tenantDb: TenantDb, appId: string) {
  return tenantDb.app.findFirst({ where: { id: appId }, ...APP_CREDENTIALS_QUERY });
}

/**
 * An app row as read with APP_CREDENTIALS_QUERY, kept so that a caller who already read it
 * (a booking's check) gets its client without reading it again. Opaque: the row is in a
 * private field, so neither JSON nor React's serialisation carries its sealed values on.
 * Made from a read through the tenant's scope (check-booking.ts), so it is one of the
 * tenant's apps.
 */
export class AppCredentialsRow {
  readonly #row: CredentialRow;
  private constructor(row: CredentialRow) {
    this.#row = row;
  }
  /** The row a tenant-scoped read returned. */
  static of(row: CredentialRow): AppCredentialsRow {
    return new AppCredentialsRow(row);
  }
  get appId(): string {
    return this.#row.id;
  }
  static rowOf(kept: AppCredentialsRow): CredentialRow {
    return kept.#row;
  }
}

function credentialsOf(app: CredentialRow): {
  credentials: WecomAppCredentials;
  app: AppOfClient;
} {
  const open = (sealed: string | null, column: AppSecretColumn) => {
    if (!sealed) return undefined;
    try {
      return openAppSecret(app, column, sealed);
    } catch {
      // Sealed for another app, tenant or column, or under another key: unusable, so the
      // app lacks that credential (the check says which) until an admin enters it again.
      // Said without the value, so that a wrong key shows in the server log.
      logger.warn({ app: app.id, column }, "app secret could not be opened; treated as not set");
      return undefined;
    }
  };
  const credentials: WecomAppCredentials = {
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
  };
  return {
    credentials,
    app: {
      id: app.id,
      name: app.name,
      kind: app.kind,
      corpRowId: app.corpRowId,
      status: app.status,
    },
  };
}

/**
 * One of the tenant's apps with its credentials opened. The app is read through the
 * tenant scope (another tenant's app id finds nothing); its secrets are opened here, on
 * the server, and go no further than the WeCom client.
 */
export async function loadAppCredentials(
  tenantDb: TenantDb,
  appId: string,
): Promise<{ credentials: WecomAppCredentials; app: AppOfClient } | null> {
  const app = await readAppRow(tenantDb, appId);
  return app ? credentialsOf(app) : null;
}

/** A client on the process's token store and call log. */
const clientWith = (credentials: WecomAppCredentials) =>
  createWecomClient(credentials, { tokens, callLog });

/** The WeCom client of an app row the caller read with APP_CREDENTIALS_QUERY. */
export function wecomClientOfRow(kept: AppCredentialsRow): WecomClient {
  return clientWith(credentialsOf(AppCredentialsRow.rowOf(kept)).credentials);
}

/** The WeCom client of one of the tenant's apps. */
export async function wecomClientForApp(
  tenantDb: TenantDb,
  appId: string,
): Promise<{ client: WecomClient; app: AppOfClient } | null> {
  const found = await loadAppCredentials(tenantDb, appId);
  if (!found) return null;
  return { client: clientWith(found.credentials), app: found.app };
}

/**
 * Drops the tokens of one of the tenant's apps after its credentials (or its corp's
 * corpid) changed, so that the next call, the check first, fetches with the new ones.
 */
export async function forgetAppTokens(tenantDb: TenantDb, appId: string): Promise<void> {
  // Through the tenant scope: another tenant's app id finds nothing to forget.
  if (!(await tenantDb.app.findFirst({ where: { id: appId }, select: { id: true } }))) return;
  await tokenManagerFor(tokens).forget(appId);
}
