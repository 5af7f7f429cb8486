"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { BatchRowStatus, BatchView } from "@/lib/batches/batch-view";

const STATUS_BADGE: Record<
  BatchRowStatus,
  "success" | "destructive" | "warning" | "secondary" | "outline"
> = {
  booked: "success",
  refused: "destructive",
  reconciling: "warning",
  skipped: "outline",
  pending: "secondary",
  booking: "secondary",
};

/**
 * The batch's progress, read from its record (polled each second while it runs): a
 * reload, another tab or another device shows the same progress, since the background
 * jobs book it, not this page.
 */
export function BatchProgress({ id, initial }: { id: string; initial: BatchView }) {
  const t = useTranslations("batches");
  const query = useQuery({
    queryKey: ["batch", id],
    queryFn: async (): Promise<BatchView> => {
      const res = await fetch(`/meetings/batch/${id}/status`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as BatchView;
    },
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.state === "done" && !q.state.data.counts.reconciling ? false : 1000,
  });
  const b = query.data;
  const withRoom = b.rows.some((r) => r.room);
  const c = b.counts;
  const finished = b.total - c.pending - c.booking;
  const percent = b.total ? Math.round((finished / b.total) * 100) : 100;

  return (
    <div className="space-y-5">
      <section className="space-y-2" data-testid="batch-progress">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            {t("progress.title")}
            <Badge variant={b.state === "done" ? "success" : "secondary"} data-testid="batch-state">
              {t(`progress.state.${b.state}`)}
            </Badge>
            {b.state !== "done" ? <Spinner aria-label={t(`progress.state.${b.state}`)} /> : null}
          </h2>
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <a href={`/meetings/batch/${id}/result`} download data-testid="batch-download">
                <Download className="size-4" aria-hidden />
                {t("progress.download")}
              </a>
            </Button>
            <Button asChild variant="ghost">
              <Link href="/meetings/batch">{t("progress.again")}</Link>
            </Button>
          </div>
        </div>
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={b.total}
          aria-valuenow={finished}
          aria-label={t("progress.title")}
          className="h-3 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm text-muted-foreground" data-testid="batch-counts">
          {t("progress.counts", { done: finished, total: b.total, ...c })}
        </p>
      </section>
      {query.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{t("progress.loading")}</AlertDescription>
        </Alert>
      ) : null}
      <div className="overflow-x-auto rounded-md border">
        <Table data-testid="batch-result-table">
          <TableHeader>
            <TableRow>
              <TableHead className="w-14">{t("preview.line")}</TableHead>
              <TableHead>{t("columns.title")}</TableHead>
              <TableHead>{t("columns.start")}</TableHead>
              {withRoom ? <TableHead>{t("columns.room")}</TableHead> : null}
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.meeting")}</TableHead>
              <TableHead>{t("columns.reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {b.rows.map((r) => (
              <TableRow
                key={r.position}
                data-testid={`result-row-${r.line}`}
                data-status={r.status}
              >
                <TableCell className="font-mono text-xs">{r.line}</TableCell>
                <TableCell>{r.title}</TableCell>
                <TableCell className="whitespace-nowrap">{r.start.replace("T", " ")}</TableCell>
                {withRoom ? <TableCell data-field="room">{r.room ?? ""}</TableCell> : null}
                <TableCell>
                  <Badge variant={STATUS_BADGE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  {r.alreadyBooked ? (
                    <span className="ml-1 text-xs text-muted-foreground">{t("alreadyBooked")}</span>
                  ) : null}
                </TableCell>
                <TableCell className="text-xs">
                  {r.meetingId ? (
                    <div className="space-y-0.5">
                      <Link href={`/meetings/${r.meetingId}`} className="underline">
                        {r.wecomMeetingId ?? r.meetingId}
                      </Link>
                      {r.meetingCode ? (
                        <div>
                          {t("columns.code")} {r.meetingCode}
                        </div>
                      ) : null}
                      {r.meetingLink ? (
                        <a
                          href={r.meetingLink}
                          target="_blank"
                          rel="noreferrer"
                          className="underline"
                        >
                          {t("columns.link")}
                        </a>
                      ) : null}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className="text-xs text-destructive">
                  {[r.reason, ...r.errors.map((e) => e.message)].filter(Boolean).join("；")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
