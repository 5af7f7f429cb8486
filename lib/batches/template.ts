// The batch template: the columns in Chinese or English and example rows that name the
// tenant's own app, people and a room, so that the file books as it is once the dates suit.
import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { formatWallClock } from "@/lib/schemas/wall-clock";
import { BATCH_FIELDS, headerOf, type BatchField, type SheetLocale } from "./columns";
import { csvCell } from "./csv-cell";

async function exampleRows(db: TenantDb, timeZone: string, locale: SheetLocale) {
  const [app, people] = await Promise.all([
    db.app.findFirst({
      where: { status: "active" },
      select: { name: true, corpRowId: true, roomPermission: true },
      orderBy: { createdAt: "asc" },
    }),
    db.oaAccount.findMany({
      where: { active: true, jobNumber: { not: null }, mappings: { some: {} } },
      select: { jobNumber: true, department: true },
      orderBy: { jobNumber: "asc" },
      take: 4,
    }),
  ]);
  // A room the app can book (no approval needed), when its corp has one.
  const room =
    app && app.roomPermission !== "denied"
      ? await db.meetingRoom.findFirst({
          where: { corpRowId: app.corpRowId, needApproval: false },
          select: { name: true },
          orderBy: { roomId: "asc" },
        })
      : null;
  const job = (i: number) => people[i]?.jobNumber ?? `E100${i + 1}`;
  const dept = people[0]?.department ?? (locale === "en" ? "R&D" : "研发部");
  // Next Monday 10:00 and 14:00 in the tenant's zone.
  const now = Math.floor(Date.now() / 1000);
  const day = formatWallClock(
    now + ((8 - new Date(now * 1000).getUTCDay()) % 7 || 7) * 86_400,
    timeZone,
  ).slice(0, 10);
  const zh = locale !== "en";
  const rows: Partial<Record<BatchField, string>>[] = [
    {
      app: app?.name ?? "会议助手",
      admin: job(0),
      title: zh ? "研发部周例会" : "R&D weekly",
      start: `${day} 10:00`,
      duration: "60",
      invitees: `${job(1)} ${job(2)}`,
      ringMode: zh ? "仅主持人" : "host",
      repeatType: zh ? "每周" : "weekly",
      repeatInterval: "1",
      repeatUntil: "",
      externalRef: "OA-2026-0001",
    },
    {
      app: app?.name ?? "会议助手",
      admin: job(3),
      title: zh ? "季度规划会" : "Quarterly planning",
      start: `${day} 14:00`,
      duration: "90",
      invitees: dept,
      ringMode: zh ? "全员" : "all",
      password: "1234",
      repeatType: zh ? "不重复" : "none",
      room: room?.name ?? "",
      location: room ? "" : zh ? "3号会议室" : "Room 3",
      externalRef: "OA-2026-0002",
    },
  ];
  return rows.map((r) => BATCH_FIELDS.map((f) => csvCell(r[f])));
}

export async function templateCsv(db: TenantDb, timeZone: string, locale: SheetLocale) {
  const header = BATCH_FIELDS.map((f) => headerOf(f, locale));
  return `\uFEFF${stringify([header, ...(await exampleRows(db, timeZone, locale))])}`;
}

export async function templateXlsx(db: TenantDb, timeZone: string, locale: SheetLocale) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === "en" ? "Meetings" : "会议");
  ws.addRow(BATCH_FIELDS.map((f) => headerOf(f, locale))).font = { bold: true };
  // Text cells throughout: Excel would otherwise turn job numbers and times into numbers.
  for (const row of await exampleRows(db, timeZone, locale)) ws.addRow(row);
  ws.columns.forEach((c) => {
    c.width = 16;
    c.numFmt = "@";
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
