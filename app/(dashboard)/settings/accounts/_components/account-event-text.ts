// How an account's events read in its history: what was done (with the corp, the WeCom
// userid and whether a CSV import did it), and its fields' values in the form's words.
import { getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/lib/audit/load-history";

/** The account's fields a history line shows, in the form's order. */
export const ACCOUNT_HISTORY_FIELDS = [
  "name",
  "jobNumber",
  "email",
  "mobile",
  "department",
  "active",
  "wecomUserId",
  "verifyStatus",
] as const;

const ACTIONS = new Set([
  "account_create",
  "account_update",
  "account_deactivate",
  "account_activate",
  "mapping_create",
  "mapping_update",
  "mapping_delete",
  "mapping_verify",
]);
const VERIFY = new Set(["ok", "not_found", "out_of_range"]);

export async function accountEventText() {
  const [t, ta] = await Promise.all([
    getTranslations("accountsAdmin.history"),
    getTranslations("accountsAdmin"),
  ]);
  const describe = ({ action, diff }: AuditEntry): string => {
    const key = action.replace(".", "_");
    const corp = (diff.corp as { name?: string } | undefined)?.name;
    const userId = typeof diff.wecomUserId === "string" ? diff.wecomUserId : null;
    return [
      ACTIONS.has(key) ? t(`actions.${key as "account_create"}`) : t("actions.other"),
      corp,
      userId,
      diff.via === "import" ? `· ${t("viaImport")}` : null,
    ]
      .filter(Boolean)
      .join(" ");
  };
  const valueLabel = (field: string, v: unknown): string | undefined => {
    if (field === "active" && typeof v === "boolean")
      return v ? ta("state.active") : ta("state.inactive");
    if (field === "verifyStatus" && typeof v === "string" && VERIFY.has(v))
      return ta(`verifyStatus.${v as "ok"}`);
    return undefined;
  };
  return { describe, valueLabel };
}
