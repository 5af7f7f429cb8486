import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { StoredOccurrence } from "@/lib/meetings";
import { formatWallClock } from "@/lib/schemas/wall-clock";
import { OccurrenceActions } from "./occurrence-actions";

/**
 * A series' occurrences as WeCom last listed them (decision 018): WeCom reports a page at a
 * time, so the card says the list may not be complete; cancelled ones are marked, and a
 * moved one links to the one-off that replaced it.
 */
export async function OccurrencesCard({
  meetingId,
  title,
  occurrences,
  timeZone,
  manageable,
  canBook,
}: {
  meetingId: string;
  title: string;
  occurrences: StoredOccurrence[];
  timeZone: string;
  manageable: boolean;
  canBook: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("occurrences"), getFormatter()]);
  // Explicit fields: Intl refuses weekday together with dateStyle.
  const when = (d: Date) =>
    format.dateTime(d, {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
    });
  return (
    <Card data-testid="occurrences">
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("partial")}</CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {occurrences.length === 0 ? (
          <p className="px-6 pb-6 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("start")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("movedTo")}</TableHead>
                <TableHead className="text-right">{t("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {occurrences.map((o, i) => (
                <TableRow
                  key={o.id}
                  data-testid="occurrence"
                  data-sub-meeting-id={o.subMeetingId}
                  data-status={o.status}
                >
                  <TableCell>
                    <span className="text-muted-foreground">{t("nth", { n: i + 1 })}</span>{" "}
                    {when(o.startAt)}
                  </TableCell>
                  <TableCell>
                    <MeetingStatusBadge status={o.status} />
                  </TableCell>
                  <TableCell>
                    {o.movedTo ? (
                      <Link href={`/meetings/${o.movedTo.id}`} className="underline">
                        {t("movedToLink", { time: when(o.movedTo.startAt) })}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    {manageable && o.status === "booked" ? (
                      <OccurrenceActions
                        meetingId={meetingId}
                        subMeetingId={o.subMeetingId}
                        title={title}
                        when={when(o.startAt)}
                        start={formatWallClock(Math.floor(o.startAt.getTime() / 1000), timeZone)}
                        durationMin={Math.round((o.endAt.getTime() - o.startAt.getTime()) / 60_000)}
                        canBook={canBook}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
