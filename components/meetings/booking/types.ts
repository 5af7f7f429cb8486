// What the booking form knows besides its values. Client-safe.

export interface BookingAppOption {
  id: string;
  name: string;
  corpName: string;
  corpRowId: string;
  maxInvitees: number;
  /** May it book meeting rooms (a self-built app with the 会议室 permission)? */
  rooms: boolean;
  /** The advanced options (phone guests, recording) are for self-built apps only. */
  kind?: "self_built" | "third_party" | "custom";
  /** Why the app cannot book, or null when it can. */
  unavailable: "denied" | "unknown" | "unauthorised" | "disabled" | null;
}

/** An account as the pickers show it (labels of chosen ids travel with the draft). */
export interface PickedAccount {
  id: string;
  name: string;
  jobNumber: string | null;
  department: string | null;
  blocked?: "out_of_range" | "not_found" | "not_mapped";
}

export type PeopleMap = Record<string, PickedAccount>;
