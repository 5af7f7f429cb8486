"use server";

import type { CheckField } from "@/lib/apps/check-field";
import { saveApp } from "@/lib/apps/save-app";
import { appsAdminAction, type AdminRefusal } from "./apps-admin";

export type SaveAppActionResult =
  | {
      ok: true;
      appId: string;
      name: string;
      /** The check run right after saving: what it found, and the field it blames. */
      check: {
        permission: "granted" | "denied" | "unknown";
        error: string | null;
        field: CheckField | null;
      };
    }
  | AdminRefusal;

/** Adds or edits an app from the app form of /settings/apps, then checks it. */
export async function saveAppAction(values: unknown): Promise<SaveAppActionResult> {
  return appsAdminAction(
    (actor) => saveApp(actor, values),
    ({ appId, name, check }) => ({
      ok: true as const,
      appId,
      name,
      check: { permission: check.permission, error: check.error, field: check.field },
    }),
  );
}
