// Sheet rows → the booking form's values, before the form's checks: apps by name or id,
// people by job number, a department by name (its members the app can book; the others
// are a warning, as in the form's department pick). What cannot be named is an error at
// its cell; everything else is left to checkBooking (check-rows.ts).
import "server-only";
import { accountIdsByJobNumber } from "@/lib/accounts/by-job-number";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { departmentAccounts } from "@/lib/meetings/bookable-accounts";
import { defaultBookingValues } from "@/lib/schemas/booking-values";
import { msg } from "@/lib/schemas/messages";
import { durationValue, peopleTokens, repeatValues, ringValue, startValue } from "./cell-values";
import type { BatchField } from "./columns";
import type { SheetRow } from "./read-sheet";
import { roomResolver, type RowRoom } from "./room-cells";

export interface CellError {
  /** The column ("" for the row as a whole). */
  field: BatchField | "";
  /** Encoded message (lib/schemas/messages.ts). */
  message: string;
}

export interface RowDraft {
  line: number;
  cells: Partial<Record<BatchField, string>>;
  externalRef: string | null;
  /** The booking form's values, but for the idempotency key (check-rows.ts derives it). */
  values: Record<string, unknown>;
  /** The room booked with the meeting (beside the values, as the form sends it). */
  room: RowRoom | null;
  errors: CellError[];
  warnings: string[];
}

export const EXTERNAL_REF_MAX = 100;

export async function draftsFromSheet(db: TenantDb, rows: SheetRow[]): Promise<RowDraft[]> {
  const apps = await db.app.findMany({
    select: { id: true, name: true, corpRowId: true, roomPermission: true },
  });
  const roomOf = await roomResolver(db);
  const appOf = (cell: string) =>
    apps.find((a) => a.id === cell) ??
    apps.find((a) => a.name.trim().toLowerCase() === cell.trim().toLowerCase());
  const tokens = rows.flatMap((r) => [
    r.cells.admin ?? "",
    ...peopleTokens(r.cells.invitees ?? ""),
  ]);
  const byJob = await accountIdsByJobNumber(db, tokens);
  const departments = new Set(
    (await db.oaAccount.groupBy({ by: ["department"], where: { active: true } })).flatMap((d) =>
      d.department ? [d.department] : [],
    ),
  );
  const deptCache = new Map<string, ReturnType<typeof departmentAccounts>>();

  return Promise.all(
    rows.map(async ({ line, cells }) => {
      const c = (f: BatchField) => cells[f] ?? "";
      const errors: CellError[] = [];
      const warnings: string[] = [];
      const app = c("app") ? appOf(c("app")) : undefined;
      if (c("app") && !app)
        errors.push({ field: "app", message: msg("batchAppUnknown", { value: c("app") }) });
      const admin = c("admin");
      const adminId = admin ? byJob.get(admin) : "";
      if (admin && !adminId)
        errors.push({ field: "admin", message: msg("batchJobNumberUnknown", { value: admin }) });

      const inviteeIds: string[] = [];
      for (const token of peopleTokens(c("invitees"))) {
        const id = byJob.get(token);
        if (id) inviteeIds.push(id);
        else if (departments.has(token) && app) {
          const key = `${app.id}\u0000${token}`;
          if (!deptCache.has(key)) deptCache.set(key, departmentAccounts(db, app.id, token));
          const members = await deptCache.get(key)!;
          const left = members.filter((m) => m.blocked);
          inviteeIds.push(...members.filter((m) => !m.blocked).map((m) => m.id));
          if (left.length)
            warnings.push(
              msg("batchDepartmentLeftOut", {
                department: token,
                count: left.length,
                names: left
                  .slice(0, 5)
                  .map((m) => m.name)
                  .join("、"),
              }),
            );
        } else if (!departments.has(token))
          errors.push({ field: "invitees", message: msg("batchPersonUnknown", { value: token }) });
      }

      let room: RowRoom | null = null;
      if (c("room") && app) {
        const found = roomOf(app, c("room"));
        if (found.ok) room = found.room;
        else errors.push({ field: "room", message: found.message });
      }

      const externalRef = c("externalRef") || null;
      if (externalRef && externalRef.length > EXTERNAL_REF_MAX)
        errors.push({
          field: "externalRef",
          message: msg("batchExternalRefTooLong", { max: EXTERNAL_REF_MAX }),
        });
      const values = {
        ...defaultBookingValues(""),
        appId: app?.id ?? "",
        adminId: adminId ?? "",
        title: c("title"),
        start: startValue(c("start")),
        durationMin: durationValue(c("duration")),
        inviteeIds: [...new Set(inviteeIds)],
        remindScope: ringValue(c("ringMode")),
        password: c("password"),
        ...repeatValues(c("repeatType"), c("repeatInterval"), c("repeatUntil")),
        location: c("location"),
        description: c("description"),
      };
      if (Number.isNaN(values.durationMin))
        errors.push({ field: "duration", message: msg("durationWhole") });
      return { line, cells, externalRef, values, room, errors, warnings };
    }),
  );
}
