import { getFormatter, getTranslations } from "next-intl/server";
import { TableCard } from "@/components/shell/table-card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DataSize } from "@/lib/retention/data-sizes";

/**
 * What the retention job trims for this tenant (lib/retention): rows kept now, the oldest
 * of them, and how long each kind is kept. Meeting audit events are kept for good.
 */
export async function DataRetention({ sizes, timeZone }: { sizes: DataSize[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("dataRetention"), getFormatter()]);
  return (
    <section className="grid gap-3" aria-labelledby="data-retention-title">
      <div>
        <h2 id="data-retention-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <TableCard testId="data-retention">
        <TableHeader>
          <TableRow>
            <TableHead>{t("columns.kind")}</TableHead>
            <TableHead className="text-right">{t("columns.rows")}</TableHead>
            <TableHead>{t("columns.oldest")}</TableHead>
            <TableHead>{t("columns.retention")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sizes.map((s) => (
            <TableRow key={s.kind} data-testid={`retention-${s.kind}`}>
              <TableCell className="font-medium">{t(`kinds.${s.kind}`)}</TableCell>
              <TableCell className="text-right tabular-nums">{format.number(s.rows)}</TableCell>
              <TableCell>
                {s.oldest
                  ? format.dateTime(s.oldest, { dateStyle: "medium", timeZone })
                  : t("none")}
              </TableCell>
              <TableCell>{t("days", { days: s.retentionDays })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </TableCard>
      <p className="text-sm text-muted-foreground">{t("kept")}</p>
    </section>
  );
}
