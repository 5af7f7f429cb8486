"use server";

import { saveCorp } from "@/lib/apps/save-corp";
import { appsAdminAction, type AdminRefusal } from "./apps-admin";

export type SaveCorpActionResult = { ok: true; corpRowId: string } | AdminRefusal;

/** Adds or edits a corp from the corp form of /settings/apps. */
export async function saveCorpAction(values: unknown): Promise<SaveCorpActionResult> {
  return appsAdminAction(
    (actor) => saveCorp(actor, values),
    (done) => ({ ok: true as const, corpRowId: done.corpRowId }),
  );
}
