import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountHistoryEntry } from "@/lib/accounts/account-view";

const FIELDS = [
  "name",
  "jobNumber",
  "email",
  "mobile",
  "department",
  "active",
  "wecomUserId",
  "verifyStatus",
] as const;
type Field = (typeof FIELDS)[number];
const ACTIONS = [
  "account_create",
  "account_update",
  "account_deactivate",
  "account_activate",
  "mapping_create",
  "mapping_update",
  "mapping_delete",
  "mapping_verify",
] as const;

/** The account's change history (变更记录): its own events and its mappings'. */
export async function AccountHistory({
  entries,
  timeZone,
}: {
  entries: AccountHistoryEntry[];
  timeZone: string;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountsAdmin.history"),
    getTranslations("accountsAdmin"),
    getFormatter(),
  ]);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;

  const value = (field: Field, v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("emptyValue");
    if (field === "active") return v ? ta("state.active") : ta("state.inactive");
    if (field === "verifyStatus" && (v === "ok" || v === "not_found" || v === "out_of_range"))
      return ta(`verifyStatus.${v}`);
    return String(v);
  };
  const changes = (diff: Record<string, unknown>) =>
    FIELDS.flatMap((f) => {
      const d = diff[f];
      if (!d || typeof d !== "object" || !("to" in d)) return [];
      const { from, to } = d as { from: unknown; to: unknown };
      return [`${t(`fields.${f}`)}：${value(f, from)} → ${value(f, to)}`];
    });

  return (
    <ol className="space-y-3" data-testid="account-history">
      {entries.map((e) => {
        const key = e.action.replace(".", "_");
        const action = (ACTIONS as readonly string[]).includes(key)
          ? t(`actions.${key as (typeof ACTIONS)[number]}`)
          : t("actions.other");
        const corp = (e.diff.corp as { name?: string } | undefined)?.name;
        const userId = typeof e.diff.wecomUserId === "string" ? e.diff.wecomUserId : null;
        return (
          <li key={e.id} className="border-l-2 pl-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{action}</span>
              {corp ? <span className="text-muted-foreground">{corp}</span> : null}
              {userId ? <span className="font-mono text-xs">{userId}</span> : null}
              {e.diff.via === "import" ? (
                <span className="text-xs text-muted-foreground">· {t("viaImport")}</span>
              ) : null}
            </div>
            <ul className="text-muted-foreground">
              {changes(e.diff).map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <div className="text-xs text-muted-foreground">
              {format.dateTime(new Date(e.at * 1000), {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone,
              })}
              {" · "}
              {e.actorName ?? t("system")}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
