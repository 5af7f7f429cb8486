import { useTranslations } from "next-intl";
import { z } from "zod";

// App.visibleRange as stored by the app check (from WeCom's agent/get).
const rangeSchema = z.object({
  users: z.array(z.string()),
  parties: z.array(z.number()),
  tags: z.array(z.number()),
  closed: z.boolean(),
});

export function VisibleRange({ range }: { range: unknown }) {
  const t = useTranslations("settings.apps");
  const parsed = rangeSchema.safeParse(range);
  if (!parsed.success) return <span className="text-muted-foreground">{t("notChecked")}</span>;
  const r = parsed.data;
  if (r.closed) return <span className="text-destructive">{t("visibleClosed")}</span>;
  const parts = [
    r.parties.length > 0 && t("visibleParties", { count: r.parties.length }),
    r.users.length > 0 && t("visibleUsers", { count: r.users.length }),
    r.tags.length > 0 && t("visibleTags", { count: r.tags.length }),
  ].filter(Boolean);
  return (
    <span className="text-sm">{parts.length > 0 ? parts.join(" · ") : t("visibleEmpty")}</span>
  );
}
