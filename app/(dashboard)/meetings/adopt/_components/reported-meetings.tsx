"use client";

import { Import, Loader2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { KnownNotice, useAdopt } from "./adopt-forms";

export interface ReportedRow {
  appId: string;
  appName: string;
  wecomMeetingId: string;
  changeType: string | null;
  receivedAt: string;
}

/** Meetings WeCom's callbacks reported that MeetBridge has no record of: one click adopts. */
export function ReportedMeetings({ rows, timeZone }: { rows: ReportedRow[]; timeZone: string }) {
  const t = useTranslations("adopt");
  const format = useFormatter();
  const { adopt, known, setKnown } = useAdopt();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const run = (row: ReportedRow) => {
    setKnown(null);
    setError(null);
    setBusy(row.wecomMeetingId);
    startTransition(async () => {
      const r = await adopt({ appId: row.appId, wecomMeetingId: row.wecomMeetingId });
      if (!r.ok)
        setError(r.formError ?? Object.values(r.fieldErrors).find(Boolean) ?? t("errors.invalid"));
      setBusy(null);
    });
  };

  return (
    <section
      className="grid gap-3 rounded-lg border bg-background p-6"
      aria-labelledby="reported-heading"
      data-testid="reported-meetings"
    >
      <div>
        <h2 id="reported-heading" className="text-lg font-semibold">
          {t("reported.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("reported.description")}</p>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("reported.columnMeetingId")}</TableHead>
            <TableHead>{t("reported.columnApp")}</TableHead>
            <TableHead>{t("reported.columnEvent")}</TableHead>
            <TableHead>{t("reported.columnAt")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.appId}-${row.wecomMeetingId}`}>
              <TableCell className="font-mono text-xs">{row.wecomMeetingId}</TableCell>
              <TableCell>{row.appName}</TableCell>
              <TableCell className="font-mono text-xs">{row.changeType ?? "—"}</TableCell>
              <TableCell>
                {format.dateTime(new Date(row.receivedAt), {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone,
                })}
              </TableCell>
              <TableCell className="text-right">
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy !== null}
                  onClick={() => run(row)}
                  aria-label={t("reported.adoptLabel", { id: row.wecomMeetingId })}
                >
                  {busy === row.wecomMeetingId ? (
                    <Loader2 className="size-4 animate-spin" aria-hidden />
                  ) : (
                    <Import className="size-4" aria-hidden />
                  )}
                  {t("reported.adopt")}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {known ? <KnownNotice meetingId={known} /> : null}
    </section>
  );
}
