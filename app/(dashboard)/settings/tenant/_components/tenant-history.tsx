// The tenant settings' audit trail: when, who, and what changed.
import { History } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { TableCard } from "@/components/shell/table-card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TenantSettingsChange } from "@/lib/tenants/tenant-settings";

export async function TenantHistory({
  changes,
  timeZone,
}: {
  changes: TenantSettingsChange[];
  timeZone: string;
}) {
  const [t, format] = await Promise.all([
    getTranslations("tenantSettings.history"),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="tenant-history-title" className="space-y-3">
      <div>
        <h2 id="tenant-history-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {changes.length === 0 ? (
        <EmptyState icon={<History />} title={t("empty")} />
      ) : (
        <TableCard testId="tenant-history">
          <TableHeader>
            <TableRow>
              <TableHead>{t("when")}</TableHead>
              <TableHead>{t("who")}</TableHead>
              <TableHead>{t("what")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="whitespace-nowrap">
                  {format.dateTime(c.at, { dateStyle: "medium", timeStyle: "medium", timeZone })}
                </TableCell>
                <TableCell>{c.actorName ?? t("unknownActor")}</TableCell>
                <TableCell>
                  <ul>
                    {c.changes.map((x) => (
                      <li key={x.field}>
                        {t("change", { field: t(`fields.${x.field}`), from: x.from, to: x.to })}
                      </li>
                    ))}
                  </ul>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableCard>
      )}
    </section>
  );
}
