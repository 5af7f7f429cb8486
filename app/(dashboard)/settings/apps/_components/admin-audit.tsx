// The change log of the tenant's corps and apps (server component): one expandable entry
// per corp and app, newest change first. Secrets appear only as "set" or "replaced".
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AdminAuditEvent } from "@/lib/apps/list-settings";

const SECRET_FIELDS = new Set([
  "secret",
  "suiteSecret",
  "suiteTicket",
  "permanentCode",
  "callbackToken",
  "callbackAesKey",
]);
const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" && v !== null && "from" in v && "to" in v;

export interface AuditObject {
  id: string;
  type: "corp" | "app";
  name: string;
}

export async function AdminAudit({
  objects,
  events,
  timeZone,
}: {
  objects: AuditObject[];
  events: AdminAuditEvent[];
  timeZone: string;
}) {
  const [t, tk, format] = await Promise.all([
    getTranslations("appsAdmin.audit"),
    getTranslations("appsAdmin.kind"),
    getFormatter(),
  ]);
  const byObject = new Map<string, AdminAuditEvent[]>();
  for (const e of events) byObject.set(e.objectId, [...(byObject.get(e.objectId) ?? []), e]);
  const logged = objects.filter((o) => byObject.has(o.id));

  const field = (key: string) =>
    t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key;
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("values.empty");
    if (typeof v === "boolean") return t(v ? "values.yes" : "values.no");
    if (key === "kind" && typeof v === "string" && tk.has(v as never)) return tk(v as never);
    if (key === "field" && typeof v === "string") return field(v);
    if (typeof v === "string" && t.has(`values.${v}` as never)) return t(`values.${v}` as never);
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };
  const lines = (diff: Record<string, unknown>): string[] =>
    Object.entries(diff).flatMap(([key, v]) => {
      // A check's visible range is on the app's row; here only what it concluded.
      if (key === "visible") return [];
      if (SECRET_FIELDS.has(key) && isChange(v))
        return [t(v.from === "set" ? "secretReplaced" : "secretSet", { field: field(key) })];
      if (isChange(v))
        return [t("change", { field: field(key), from: value(key, v.from), to: value(key, v.to) })];
      return [t("value", { field: field(key), value: value(key, v) })];
    });

  return (
    <section className="mt-8 grid gap-3" aria-labelledby="apps-audit-heading">
      <div>
        <h2 id="apps-audit-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {logged.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="divide-y rounded-lg border">
          {logged.map((o) => {
            const list = byObject.get(o.id)!;
            return (
              <details key={o.id} data-testid={`audit-${o.type}-${o.id}`} className="group">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3 text-sm">
                  <span className="font-medium">{t(o.type, { name: o.name })}</span>
                  <span className="text-muted-foreground">
                    {t("count", { count: list.length })}
                  </span>
                </summary>
                <ol className="grid gap-2 px-4 pb-4">
                  {list.map((e) => {
                    const key = `actions.${e.action.replaceAll(".", "_")}`;
                    const details = lines(e.diff);
                    return (
                      <li key={e.id} className="grid gap-1 text-sm" data-testid="admin-audit-event">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">
                            {t.has(key as never)
                              ? t(key as never)
                              : `${t("actions.other")} (${e.action})`}
                          </span>
                          <Badge variant="outline">{t(`sources.${e.source}` as never)}</Badge>
                          {e.actorName ? <span>{e.actorName}</span> : null}
                          <span className="text-muted-foreground">
                            {format.dateTime(e.createdAt, {
                              dateStyle: "short",
                              timeStyle: "medium",
                              timeZone,
                            })}
                          </span>
                        </div>
                        {details.length ? (
                          <ul className="grid gap-0.5 text-muted-foreground">
                            {details.map((l, i) => (
                              <li key={i} className="break-all">
                                {l}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              </details>
            );
          })}
        </div>
      )}
    </section>
  );
}
