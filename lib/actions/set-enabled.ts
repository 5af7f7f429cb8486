"use server";

import { setAppEnabled, setCorpEnabled } from "@/lib/apps/set-enabled";
import { appsAdminAction, type AdminRefusal } from "./apps-admin";

export type SetEnabledActionResult =
  { ok: true; name: string; checkError: string | null } | AdminRefusal;

/** Disables or enables a corp (its apps book no more while it is disabled). */
export async function setCorpEnabledAction(
  corpRowId: unknown,
  enabled: boolean,
): Promise<SetEnabledActionResult> {
  return appsAdminAction(
    (actor) => setCorpEnabled(actor, corpRowId, enabled === true),
    ({ name }) => ({ ok: true as const, name, checkError: null }),
  );
}

/** Disables or enables an app; enabling checks it against WeCom again. */
export async function setAppEnabledAction(
  appId: unknown,
  enabled: boolean,
): Promise<SetEnabledActionResult> {
  return appsAdminAction(
    (actor) => setAppEnabled(actor, appId, enabled === true),
    ({ name, check }) => ({ ok: true as const, name, checkError: check?.error ?? null }),
  );
}
