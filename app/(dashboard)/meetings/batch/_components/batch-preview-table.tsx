"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { BatchPreviewResult, PreviewRowView } from "@/lib/actions/batches";

type Columns = Extract<BatchPreviewResult, { ok: true }>["columns"];
const FIRST = 50;

/** Every row as it will be booked, each error under its cell, warnings at the row's end. */
export function BatchPreviewTable({ columns, rows }: { columns: Columns; rows: PreviewRowView[] }) {
  const t = useTranslations("batches");
  const [all, setAll] = useState(false);
  const problems = rows.filter((r) => r.errors.length || r.warnings.length);
  const shown = all
    ? rows
    : rows.length <= FIRST
      ? rows
      : [...problems, ...rows]
          .filter((r, i, list) => list.indexOf(r) === i)
          .slice(0, FIRST)
          .sort((a, b) => a.line - b.line);

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-md border">
        <Table data-testid="batch-preview-table">
          <TableHeader>
            <TableRow>
              <TableHead className="w-14">{t("preview.line")}</TableHead>
              <TableHead>{t("preview.state")}</TableHead>
              {columns.map((c) => (
                <TableHead key={c.field}>{c.header}</TableHead>
              ))}
              <TableHead>{t("preview.warning")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((r) => {
              const rowErrors = r.errors.filter(
                (e) => e.field === "" || !columns.some((c) => c.field === e.field),
              );
              return (
                <TableRow key={r.line} data-testid={`batch-row-${r.line}`} data-line={r.line}>
                  <TableCell className="font-mono text-xs">{r.line}</TableCell>
                  <TableCell>
                    {r.already ? (
                      r.already.sameRequest ? (
                        <Link href={`/meetings/${r.already.meetingId}`}>
                          <Badge variant="secondary">{t("preview.already")}</Badge>
                        </Link>
                      ) : (
                        <Badge variant="secondary">{t("preview.alreadyOther")}</Badge>
                      )
                    ) : r.errors.length ? (
                      <Badge variant="destructive">{t("preview.error")}</Badge>
                    ) : (
                      <Badge variant="success">{t("preview.ok")}</Badge>
                    )}
                  </TableCell>
                  {columns.map((c) => {
                    const errs = r.errors.filter((e) => e.field === c.field);
                    return (
                      <TableCell
                        key={c.field}
                        data-field={c.field}
                        aria-invalid={errs.length ? true : undefined}
                        className={errs.length ? "bg-destructive/5 align-top" : "align-top"}
                      >
                        <span className="whitespace-pre-wrap">{r.cells[c.field] ?? ""}</span>
                        {errs.map((e) => (
                          <p
                            key={e.message}
                            className="mt-1 text-xs text-destructive"
                            data-testid="cell-error"
                          >
                            {e.message}
                          </p>
                        ))}
                      </TableCell>
                    );
                  })}
                  <TableCell className="align-top text-xs">
                    {rowErrors.map((e) => (
                      <p key={e.message} className="text-destructive" data-testid="row-error">
                        {e.message}
                      </p>
                    ))}
                    {r.warnings.map((w) => (
                      <p
                        key={w}
                        className="text-warning-foreground dark:text-warning"
                        data-testid="row-warning"
                      >
                        {w}
                      </p>
                    ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {shown.length < rows.length ? (
        <Button variant="ghost" size="sm" onClick={() => setAll(true)}>
          {t("preview.showAll", { count: rows.length })}
        </Button>
      ) : null}
    </div>
  );
}
