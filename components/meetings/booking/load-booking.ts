// What the booking pages (new, copy, edit) read on the server for the form.
import "server-only";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { unavailableReason } from "@/lib/meetings/bookable-app";
import { roomAccess } from "@/lib/rooms/room-access";
import type { BookingValues } from "@/lib/schemas/booking-values";
import type { BookingAppOption, PeopleMap } from "./types";

/** The tenant's apps as the app select offers them. */
export async function loadBookingApps(ctx: TenantContext): Promise<BookingAppOption[]> {
  const apps = await ctx.db.app.findMany({
    select: {
      id: true,
      name: true,
      corpRowId: true,
      status: true,
      meetingPermission: true,
      maxInvitees: true,
      kind: true,
      roomPermission: true,
      corp: { select: { name: true, disabled: true } },
    },
    orderBy: [{ corp: { name: "asc" } }, { name: "asc" }],
  });
  return apps.map((a) => ({
    id: a.id,
    name: a.name,
    corpName: a.corp.name,
    corpRowId: a.corpRowId,
    maxInvitees: a.maxInvitees,
    rooms: roomAccess(a) === "granted",
    kind: a.kind,
    unavailable: unavailableReason(a),
  }));
}

/** The labels of the accounts a prefilled form names (admin, invitees, hosts, ring). */
export async function loadPeopleOf(ctx: TenantContext, v: BookingValues): Promise<PeopleMap> {
  const ids = [...new Set([v.adminId, ...v.inviteeIds, ...v.hostIds, ...v.ringIds])].filter(
    Boolean,
  );
  if (!ids.length) return {};
  const rows = await ctx.db.oaAccount.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, jobNumber: true, department: true },
  });
  return Object.fromEntries(rows.map((r) => [r.id, r]));
}
