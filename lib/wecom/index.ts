// Public surface of the WeCom client (server-only). The Prisma stores are imported
// from lib/wecom/store/prisma-*.ts directly, where the database client is at hand.
export {
  createWecomClient,
  type WecomClient,
  type WecomClientDeps,
  type CancelResult,
  type MeetingsLike,
} from "./client.ts";
export {
  ERRCODE,
  WecomConfigError,
  WecomError,
  WecomTransportError,
  WecomUncertainError,
  isWecomErrcode,
} from "./errors.ts";
export {
  describeWecomError,
  describeWecomFailure,
  toWecomFailure,
  type DescribeContext,
  type WecomFailure,
  type WecomLocale,
} from "./messages.ts";
export { MEETING_STATUS } from "./schemas.ts";
export type {
  AgentInfo,
  CreateMeetingResult,
  MeetingInfo,
  UpdateMeetingResult,
  UserMeetingIds,
  WecomUser,
} from "./schemas.ts";
export type {
  BookByMeetingResult,
  WecomRoom,
  WecomRoomBookings,
  WecomRoomSchedule,
} from "./room-schemas.ts";
export type { RoomBookingQuery } from "./room-client.ts";
export type * from "./types.ts";
export type { CalendarInput, CalendarList } from "./calendar-schemas.ts";
export * from "./store/index.ts";
