import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { StoredSettings } from "@/lib/meetings/stored-booking";

/** The meeting's settings in words (the password itself is never shown). */
export async function SettingsCard({ settings }: { settings: unknown }) {
  const [t, tb, ta] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("booking"),
    getTranslations("advancedBooking"),
  ]);
  const s = settings as StoredSettings | null;
  if (!s) return null;
  const onOff = (b: boolean) => t(b ? "on" : "off");
  const rows: [string, string][] = [
    [tb("password"), t(s.hasPassword ? "passwordSet" : "noPassword")],
    [tb("waitingRoom"), onOff(s.enableWaitingRoom)],
    [tb("enterBeforeHost"), onOff(s.allowEnterBeforeHost)],
    [tb("remindScope"), tb(`remindScopes.${s.remindScope}`)],
    [tb("enterMute"), tb(`enterMutes.${s.enableEnterMute}`)],
    [tb("externalUsers"), onOff(s.allowExternalUser)],
    [tb("watermark"), onOff(s.enableScreenWatermark)],
    // Advanced options (self-built apps): shown only when chosen.
    ...(s.autoRecordType
      ? [[ta("shownRecord"), ta("recordValue", { value: s.autoRecordType })] as [string, string]]
      : []),
    ...(s.guests?.length
      ? [
          [
            ta("shownGuests"),
            s.guests.map((g) => `${g.name}（+${g.area} ${g.phone}）`).join("、"),
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("settings")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl
          className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2 text-sm"
          data-testid="meeting-settings"
        >
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
