// App credentials at rest (App.secretEnc, suiteSecretEnc, …). Each is sealed with the
// secret box under a context naming the tenant, the app row and the column, so a value
// copied into another app, tenant or column does not open (decision 008).
//
// Values sealed before the app row was part of the context ("app:<tenant>:<column>")
// carry no prefix; those sealed since carry BOUND. The data step of `npm run db:migrate`
// (lib/db/data-steps.ts) re-seals the old ones, and only prefixed values are opened, so
// stripping the prefix from a value does not make it open under the old, weaker context.
import { openSecret, sealSecret } from "./secret-box.ts";

/** The App columns that hold sealed credentials. */
export const APP_SECRET_COLUMNS = [
  "secretEnc",
  "suiteSecretEnc",
  "suiteTicketEnc",
  "permanentCodeEnc",
  "callbackTokenEnc",
  "callbackAesKeyEnc",
] as const;
export type AppSecretColumn = (typeof APP_SECRET_COLUMNS)[number];

/** Which app a value belongs to: its tenant and its row. */
export interface AppSecretOwner {
  tenantId: string;
  id: string;
}

const BOUND = "app2.";

/** The context an app credential is sealed under: its tenant, its app row and its column. */
export function appSecretContext(app: AppSecretOwner, column: AppSecretColumn): string {
  return `app2:${app.tenantId}:${app.id}:${column}`;
}

/** The context values were sealed under before the app row was bound in. */
function legacyContext(tenantId: string, column: AppSecretColumn): string {
  return `app:${tenantId}:${column}`;
}

export function sealAppSecret(app: AppSecretOwner, column: AppSecretColumn, plain: string): string {
  return BOUND + sealSecret(plain, appSecretContext(app, column));
}

/** Opens a value sealed by sealAppSecret for this app and column; throws otherwise. */
export function openAppSecret(
  app: AppSecretOwner,
  column: AppSecretColumn,
  stored: string,
): string {
  if (!isAppBound(stored))
    throw new Error("App secret sealed without its app row: run npm run db:migrate");
  return openSecret(stored.slice(BOUND.length), appSecretContext(app, column));
}

/** Whether a stored value is sealed the current way (its app row bound in). */
export function isAppBound(stored: string): boolean {
  return stored.startsWith(BOUND);
}

/** The prefix of values sealed the current way, for queries that look for the others. */
export const APP_BOUND_PREFIX = BOUND;

/**
 * A value sealed the old way, sealed again the current way. Throws when it does not open
 * under the old context either (wrong key, or not this tenant's column).
 */
export function resealLegacyAppSecret(
  app: AppSecretOwner,
  column: AppSecretColumn,
  stored: string,
): string {
  return sealAppSecret(app, column, openSecret(stored, legacyContext(app.tenantId, column)));
}
