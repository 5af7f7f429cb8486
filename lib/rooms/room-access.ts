// Whether an app may use WeCom's room API (wecom-meeting-api.md "Meeting rooms"): only
// self-built apps, and only once added under 应用管理 → 会议室 → 可调用接口的应用.
// Client-safe: the booking form and the settings page read it too.

export type RoomAccess = "granted" | "denied" | "unknown" | "self_built_only";

export function roomAccess(app: {
  kind: "self_built" | "third_party" | "custom";
  roomPermission: "granted" | "denied" | "unknown";
}): RoomAccess {
  if (app.kind !== "self_built") return "self_built_only";
  return app.roomPermission;
}

/** WeCom's equipment codes (1 TV, 2 phone, 3 projector, 4 whiteboard, 5 video). */
export const EQUIPMENT = {
  1: "tv",
  2: "phone",
  3: "projector",
  4: "whiteboard",
  5: "video",
} as const;
export type EquipmentName = (typeof EQUIPMENT)[keyof typeof EQUIPMENT];

export function equipmentNames(codes: unknown): EquipmentName[] {
  if (!Array.isArray(codes)) return [];
  return codes.flatMap((c) => (c in EQUIPMENT ? [EQUIPMENT[c as keyof typeof EQUIPMENT]] : []));
}
