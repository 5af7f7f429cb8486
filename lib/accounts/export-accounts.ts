import "server-only";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { exportHeader, statusCell, type CsvLocale } from "./csv-format";

// The accounts CSV export: the import's columns (csv-format.ts), every account of the
// tenant with its userid per corp, so that importing an export changes nothing.

const BATCH = 1000;

export async function exportColumns(db: TenantDb, locale: CsvLocale) {
  const corps = await db.corp.findMany({
    select: { id: true, corpId: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  return exportHeader(corps, locale);
}

/** Rows of cells (written with lib/csv's csvRows, which escapes them), in batches of 1,000 read by keyset on id (no OFFSET scans). */
export async function* accountRowsForExport(
  db: TenantDb,
  corpOrder: string[],
  locale: CsvLocale,
): AsyncGenerator<string[][]> {
  for (let cursor: string | undefined; ;) {
    const batch = await db.oaAccount.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        name: true,
        jobNumber: true,
        email: true,
        mobile: true,
        department: true,
        active: true,
        mappings: { select: { corpRowId: true, wecomUserId: true } },
      },
    });
    if (batch.length)
      yield batch.map((a) => [
        a.name,
        a.jobNumber ?? "",
        a.email ?? "",
        a.mobile ?? "",
        a.department ?? "",
        statusCell(a.active, locale),
        ...corpOrder.map((c) => a.mappings.find((m) => m.corpRowId === c)?.wecomUserId ?? ""),
      ]);
    if (batch.length < BATCH) return;
    cursor = batch.at(-1)!.id;
  }
}
