// Rows of POST /api/v1/batches (each the body of POST /api/v1/meetings plus an optional
// externalRef) → drafts for the same checks as an uploaded sheet: people by job number
// become account ids here, an unknown one an error at its field.
import "server-only";
import { accountIdsByJobNumber } from "@/lib/accounts/by-job-number";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { defaultBookingValues } from "@/lib/schemas/booking-values";
import { msg } from "@/lib/schemas/messages";
import type { BatchField } from "./columns";
import type { CellError, RowDraft } from "./draft-rows";
import { roomResolver, type RowRoom } from "./room-cells";

export interface ApiBatchRow {
  externalRef?: string;
  adminJobNumber?: string;
  inviteeJobNumbers?: string[];
  hostJobNumbers?: string[];
  ringJobNumbers?: string[];
  roomId?: number | null;
  [field: string]: unknown;
}

const JOB_FIELDS: [
  keyof ApiBatchRow,
  "adminId" | "inviteeIds" | "hostIds" | "ringIds",
  BatchField | "",
][] = [
  ["adminJobNumber", "adminId", "admin"],
  ["inviteeJobNumbers", "inviteeIds", "invitees"],
  ["hostJobNumbers", "hostIds", ""],
  ["ringJobNumbers", "ringIds", "ringMode"],
];

export async function draftsFromApi(db: TenantDb, rows: ApiBatchRow[]): Promise<RowDraft[]> {
  const all = rows.flatMap((r) => [
    ...(r.adminJobNumber ? [r.adminJobNumber] : []),
    ...(r.inviteeJobNumbers ?? []),
    ...(r.hostJobNumbers ?? []),
    ...(r.ringJobNumbers ?? []),
  ]);
  const byJob = await accountIdsByJobNumber(db, all);
  const apps = await db.app.findMany({
    select: { id: true, name: true, corpRowId: true, roomPermission: true },
  });
  const roomOf = await roomResolver(db);
  return rows.map((row, i) => {
    const {
      externalRef,
      adminJobNumber,
      inviteeJobNumbers,
      hostJobNumbers,
      ringJobNumbers,
      roomId,
      ...fields
    } = row;
    void [adminJobNumber, inviteeJobNumbers, hostJobNumbers, ringJobNumbers];
    const errors: CellError[] = [];
    const values: Record<string, unknown> = { ...defaultBookingValues(""), ...fields };
    for (const [jobField, idField, column] of JOB_FIELDS) {
      const given = row[jobField] as string | string[] | undefined;
      if (given === undefined) continue;
      const list = Array.isArray(given) ? given : [given];
      const ids = list.flatMap((j) => {
        const id = byJob.get(j.trim());
        if (!id)
          errors.push({ field: column, message: msg("batchJobNumberUnknown", { value: j }) });
        return id ? [id] : [];
      });
      if (idField === "adminId") values.adminId = ids[0] ?? "";
      else values[idField] = [...new Set([...((values[idField] as string[]) ?? []), ...ids])];
    }
    // The room as POST /meetings takes it: beside the values, booked after the meeting.
    let room: RowRoom | null = null;
    const app = apps.find((a) => a.id === values.appId);
    if (roomId !== undefined && roomId !== null && app) {
      const found = roomOf(app, roomId);
      if (found.ok) room = found.room;
      else errors.push({ field: "room", message: found.message });
    }
    return {
      line: i + 1,
      cells: {},
      externalRef: externalRef ?? null,
      values,
      room,
      errors,
      warnings: [],
    };
  });
}
