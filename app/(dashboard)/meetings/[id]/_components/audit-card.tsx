// The meeting's audit trail: who did what, when, from where, and what changed.
import { getFormatter, getTranslations } from "next-intl/server";
import { FIELD_LABEL_KEYS, isLabelledField } from "@/components/meetings/booking/field-labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isChange } from "@/lib/audit/format-diff";
import type { TenantContext } from "@/lib/auth/tenant-context";

export async function AuditCard({ ctx, meetingId }: { ctx: TenantContext; meetingId: string }) {
  const [t, tf, tb, format] = await Promise.all([
    getTranslations("meeting.audit"),
    getTranslations("sync.fields"),
    getTranslations("booking"),
    getFormatter(),
  ]);
  const events = await ctx.db.auditEvent.findMany({
    where: { objectType: "Meeting", objectId: meetingId },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((x) => x !== null))];
  const diffs = events.map((e) =>
    e.diff && typeof e.diff === "object" && !Array.isArray(e.diff)
      ? (e.diff as Record<string, unknown>)
      : {},
  );
  // Account ids in lists (invitees, hosts, …) read as names where the tenant has them.
  const accountIds = [
    ...new Set(
      diffs.flatMap((d) =>
        Object.values(d).flatMap((v) =>
          isChange(v) ? [v.from, v.to].filter(Array.isArray).flat().map(String) : [],
        ),
      ),
    ),
  ];
  const [members, accounts] = await Promise.all([
    userIds.length
      ? ctx.db.membership
          .findMany({
            where: { userId: { in: userIds } },
            select: { userId: true, user: { select: { name: true } } },
          })
          .catch(() => [])
      : [],
    accountIds.length
      ? ctx.db.oaAccount.findMany({
          where: { id: { in: accountIds } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const nameOf = new Map(members.map((m) => [m.userId, m.user.name]));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));

  // The event's own words (an occurrence, a room), else the form's, else the sync's.
  const label = (field: string) =>
    t.has(`fields.${field}` as never)
      ? t(`fields.${field}` as never)
      : isLabelledField(field)
        ? tb(FIELD_LABEL_KEYS[field])
        : tf.has(field as never)
          ? tf(field as never)
          : field;
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone: ctx.tenant.timeZone });
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("empty_value");
    if (typeof v === "boolean") return t(v ? "yes" : "no");
    if (Array.isArray(v))
      return v.length
        ? v.map((x) => accountName.get(String(x)) ?? String(x)).join("、")
        : t("empty_value");
    if (typeof v === "object") return JSON.stringify(v);
    if (v === "set" || v === "none") return t(v === "set" ? "set" : "unset");
    // An instant stored as ISO text (an occurrence's start) reads in the tenant's zone.
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v))
      return when(new Date(v));
    // A form's wall-clock start ("2026-12-12T09:00") reads better with a space.
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v))
      return v.replace("T", " ");
    return String(v);
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="p-0">
        {events.length === 0 ? (
          <p className="px-6 pb-6 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ol className="divide-y border-t" data-testid="audit-trail">
            {events.map((e, i) => {
              const diff = diffs[i]!;
              const via = typeof diff.via === "string" ? diff.via : null;
              const who =
                (e.actorUserId ? nameOf.get(e.actorUserId) : undefined) ??
                (via
                  ? t(e.source === "api" ? "apiKey" : "via", { name: via })
                  : e.actorUserId
                    ? t("unknownUser")
                    : t(`sources.${e.source}`));
              // "meeting.cancel.uncertain" → actions.cancel_uncertain (a dot nests a key).
              const key = `actions.${e.action.replace(/^meeting\./, "").replaceAll(".", "_")}`;
              const action = t.has(key as never)
                ? t(key as never)
                : `${t("actions.other")} (${e.action})`;
              const lines = Object.entries(diff).flatMap(([k, v]) => {
                if (k === "via") return [];
                if (k === "reason") return [t("reason", { reason: String(v) })];
                if (isChange(v))
                  return [t("change", { field: label(k), from: value(v.from), to: value(v.to) })];
                return [t("value", { field: label(k), value: value(v) })];
              });
              return (
                <li key={e.id} className="grid gap-1 px-6 py-3 text-sm" data-testid="audit-event">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{action}</span>
                    <Badge variant="outline">{t(`sources.${e.source}`)}</Badge>
                    <span>{who}</span>
                    {via && e.actorUserId ? (
                      <span className="text-muted-foreground">{t("via", { name: via })}</span>
                    ) : null}
                    <span className="text-muted-foreground">{when(e.createdAt)}</span>
                    {e.ip ? (
                      <span className="font-mono text-xs text-muted-foreground">{e.ip}</span>
                    ) : null}
                  </div>
                  {lines.length ? (
                    <ul className="grid gap-0.5 text-muted-foreground">
                      {lines.map((l, j) => (
                        <li key={j} className="break-all">
                          {l}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
