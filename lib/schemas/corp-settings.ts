// The corp form of /settings/apps: a WeCom corp's corpid and a name for it. Messages are
// keys of the "appsAdmin.errors" catalogue (lib/schemas/messages.ts). Client-safe.
import { z } from "zod";
import { SECRET_MAX, TOKEN_SECRET_FIELDS } from "./app-settings";
import { msg } from "./messages";

export const CORP_NAME_MAX = 64;
export const CORP_ID_MAX = 64;

export const corpSettingsSchema = z.object({
  /** The corp row being edited; empty for a new corp. */
  id: z.string().max(64, msg("notFound")),
  corpId: z
    .string({ error: msg("corpIdRequired") })
    .trim()
    .min(1, msg("corpIdRequired"))
    .max(CORP_ID_MAX, msg("tooLong", { max: CORP_ID_MAX }))
    // WeCom corpids are letters and digits ("ww" and 16 hex digits today).
    .regex(/^[A-Za-z0-9]+$/, msg("corpIdInvalid")),
  name: z
    .string({ error: msg("nameRequired") })
    .trim()
    .min(1, msg("nameRequired"))
    .max(CORP_NAME_MAX, msg("tooLong", { max: CORP_NAME_MAX })),
  /**
   * A changed corpid takes every app's token secrets again (by app id): the stored ones
   * were given for the old corp. Absent or empty on any other save.
   */
  appSecrets: z
    .record(
      z.string().max(64),
      z.partialRecord(
        z.enum(TOKEN_SECRET_FIELDS),
        z
          .string()
          .trim()
          .max(SECRET_MAX, msg("tooLong", { max: SECRET_MAX })),
      ),
    )
    .optional(),
});

export type CorpSettingsValues = z.infer<typeof corpSettingsSchema>;
export type CorpSettingsField = keyof CorpSettingsValues;
export const CORP_SETTINGS_FIELDS: CorpSettingsField[] = ["id", "corpId", "name"];
